namespace TradeNova.Trading.Costs;

/// <summary>The sum of several commission models (for example a ticket charge plus a per-share fee), with an optional
/// minimum applied to the total, so any broker schedule built from the three basic models can be expressed.</summary>
public sealed class CombinedCommission : ICommissionModel
{
    private readonly ICommissionModel[] _parts;

    public CombinedCommission(IEnumerable<ICommissionModel> parts, decimal minimumPerOrder = 0m)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _parts = parts.ToArray();
        MinimumPerOrder = minimumPerOrder;
    }

    public IReadOnlyList<ICommissionModel> Parts => _parts;

    public decimal MinimumPerOrder { get; }

    public decimal Commission(decimal quantity, decimal price)
    {
        var total = 0m;
        foreach (var part in _parts)
        {
            total += part.Commission(quantity, price);
        }

        return Math.Max(total, MinimumPerOrder);
    }
}
