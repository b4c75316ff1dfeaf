namespace TradeNova.Trading.Costs;

/// <summary>A fraction of the traded value (0.001 = 0.1%), with an optional minimum per order.</summary>
public sealed record PercentOfNotionalCommission(decimal Fraction, decimal MinimumPerOrder = 0m) : ICommissionModel
{
    public decimal Commission(decimal quantity, decimal price) => Math.Max(quantity * price * Fraction, MinimumPerOrder);
}
