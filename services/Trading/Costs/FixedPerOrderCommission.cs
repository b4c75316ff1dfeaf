namespace TradeNova.Trading.Costs;

/// <summary>The same amount for every order, whatever its size (a "ticket charge").</summary>
public sealed record FixedPerOrderCommission(decimal PerOrder) : ICommissionModel
{
    public decimal Commission(decimal quantity, decimal price) => PerOrder;
}
