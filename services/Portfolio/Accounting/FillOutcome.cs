namespace TradeNova.Portfolio.Accounting;

/// <summary>What one fill does: the position after it, the cash change (fee included, to the cent), the realized
/// P&amp;L of the quantity it closed (before fees, to the cent) and that quantity.</summary>
public readonly record struct FillOutcome(PositionState Position, decimal CashChange, decimal RealizedPnl, decimal ClosedQuantity);
