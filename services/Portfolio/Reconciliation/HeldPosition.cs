namespace TradeNova.Portfolio.Reconciliation;

/// <summary>A position as reconciliation compares it: signed quantity and average cost per share.</summary>
public sealed record HeldPosition(string Symbol, decimal Quantity, decimal AverageCost);
