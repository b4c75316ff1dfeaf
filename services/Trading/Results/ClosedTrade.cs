namespace TradeNova.Trading.Results;

/// <summary>A round trip: a position opened and (fully or partly) closed. <see cref="Fees"/> holds the commissions of
/// both sides attributable to this quantity; <see cref="NetProfit"/> is after fees.</summary>
public sealed record ClosedTrade(
    string Symbol,
    decimal Quantity,
    DateTimeOffset EntryTime,
    decimal EntryPrice,
    DateTimeOffset ExitTime,
    decimal ExitPrice,
    decimal Fees,
    string ExitReason)
{
    /// <summary>Positive quantity = long trade, negative = short.</summary>
    public decimal GrossProfit => (ExitPrice - EntryPrice) * Quantity;

    public decimal NetProfit => GrossProfit - Fees;
}
