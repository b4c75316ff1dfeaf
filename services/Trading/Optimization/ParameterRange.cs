namespace TradeNova.Trading.Optimization;

/// <summary>The values one parameter takes in a search: <see cref="Min"/>, <see cref="Min"/> + <see cref="Step"/>, …
/// up to and including <see cref="Max"/> when it lies on the step. Decimal arithmetic, so 0.1 steps do not drift.</summary>
public sealed record ParameterRange(string Name, decimal Min, decimal Max, decimal Step)
{
    /// <summary>More values than this in one range is a typo (a step of 0.0001), not a search.</summary>
    public const int MaxValuesPerRange = 10_000;

    public long Count => Step > 0 && Max >= Min ? (long)decimal.Floor((Max - Min) / Step) + 1 : 0;

    public IReadOnlyList<decimal> Values()
    {
        var values = new decimal[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Min + Step * i;
        }

        return values;
    }

    /// <summary>Problems with the range itself, each as a message about the field named; empty when valid.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name))
            yield return ("name", "A parameter name is required.");
        if (Step <= 0)
            yield return ("step", $"Must be greater than 0, got {Step}.");
        if (Max < Min)
            yield return ("max", $"Must be at least min ({Min}), got {Max}.");
        else if (Step > 0 && Count > MaxValuesPerRange)
            yield return ("step", $"Gives {Count} values; at most {MaxValuesPerRange} per parameter.");
    }
}
