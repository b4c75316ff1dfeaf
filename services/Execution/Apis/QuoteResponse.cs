namespace TradeNova.Execution.Apis;

/// <summary>One quote; <see cref="Size"/> is the simulated shares on offer per side at this tick.</summary>
public sealed record QuoteResponse(
    string Symbol,
    decimal Last,
    decimal Bid,
    decimal Ask,
    decimal Size,
    decimal PreviousClose,
    decimal Change,
    decimal ChangePercent,
    DateTimeOffset Timestamp);
