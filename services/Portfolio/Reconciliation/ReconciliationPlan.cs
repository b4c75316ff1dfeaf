namespace TradeNova.Portfolio.Reconciliation;

/// <summary>What the live portfolio becomes after a broker report: its cash and positions, and every difference corrected
/// (empty when the portfolio already agreed with the broker).</summary>
public sealed record ReconciliationPlan(decimal Cash, IReadOnlyList<HeldPosition> Positions, IReadOnlyList<ReconciliationDifference> Differences);
