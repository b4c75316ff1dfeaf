namespace TradeNova.Portfolio.Apis;

/// <summary>One fill in the trade history. <see cref="CashChange"/> is signed (fee included); <see cref="RealizedPnl"/>
/// before fees.</summary>
public sealed record TradeResponse(
    Guid FillId,
    Guid OrderId,
    string Symbol,
    string Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    decimal Amount,
    decimal CashChange,
    decimal RealizedPnl,
    decimal PositionAfter,
    DateTimeOffset FilledAt,
    string? ClientOrderId)
{
    public static TradeResponse From(Fill fill) => new(
        fill.FillId, fill.OrderId, fill.Symbol, fill.Side, fill.Quantity, fill.Price, fill.Fee,
        Math.Round(fill.Quantity * fill.Price, 2, MidpointRounding.AwayFromZero), fill.CashChange, fill.RealizedPnl,
        fill.PositionAfter, fill.FilledAt, fill.ClientOrderId);
}
