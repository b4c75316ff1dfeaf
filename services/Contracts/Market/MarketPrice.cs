namespace TradeNova.Contracts.Market;

/// <summary>One symbol's latest quote (USD). <paramref name="PreviousClose"/> is the last session's close (day change).</summary>
public sealed record MarketPrice(
    string Symbol,
    decimal Last,
    decimal Bid,
    decimal Ask,
    decimal PreviousClose,
    DateTimeOffset Timestamp);
