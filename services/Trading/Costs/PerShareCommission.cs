namespace TradeNova.Trading.Costs;

/// <summary>A fixed amount per share (for example 0.005 per share), with an optional minimum per order, as most
/// US retail brokers that charge per share do.</summary>
public sealed record PerShareCommission(decimal PerShare, decimal MinimumPerOrder = 0m) : ICommissionModel
{
    public decimal Commission(decimal quantity, decimal price) => Math.Max(quantity * PerShare, MinimumPerOrder);
}
