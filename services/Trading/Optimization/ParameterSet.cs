using System.Globalization;

namespace TradeNova.Trading.Optimization;

/// <summary>The values of the varied parameters for one optimisation run, in the order of the ranges that produced
/// them. Parameters not named here keep the values of the base strategy parameters.</summary>
public sealed record ParameterSet(IReadOnlyList<ParameterValue> Values)
{
    public decimal this[string name] => Values.First(v => v.Name == name).Value;

    public override string ToString() =>
        string.Join(", ", Values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Name}={v.Value}")));
}
