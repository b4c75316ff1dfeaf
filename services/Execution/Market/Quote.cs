namespace TradeNova.Execution.Market;

/// <summary>A simulated quote at one instant. <see cref="Size"/> is the shares on offer at this tick (each side).</summary>
public sealed record Quote(
    string Symbol,
    decimal Last,
    decimal Bid,
    decimal Ask,
    decimal Size,
    decimal PreviousClose,
    DateTimeOffset Timestamp);
