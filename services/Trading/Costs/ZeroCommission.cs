namespace TradeNova.Trading.Costs;

/// <summary>No commission: the engine's default, so that results depend on costs only when a user asks for them.</summary>
public sealed class ZeroCommission : ICommissionModel
{
    public static readonly ZeroCommission Instance = new();

    private ZeroCommission()
    {
    }

    public decimal Commission(decimal quantity, decimal price) => 0m;
}
