namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Parameters of <see cref="MomentumRotationStrategy"/>: rank <see cref="Symbols"/> by their
/// <see cref="LookbackDays"/>-bar return, hold the best <see cref="TopCount"/>, re-rank every
/// <see cref="RebalanceEveryDays"/> bars.</summary>
public sealed record MomentumRotationParameters(
    IReadOnlyList<string> Symbols,
    int LookbackDays = 63,
    int TopCount = 3,
    int RebalanceEveryDays = 21) : IStrategyParameters
{
    public const int MaxSymbols = 50;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ParameterChecks.Symbols(errors, "symbols", Symbols, minimum: 2);
        if (Symbols is { Count: > MaxSymbols })
            errors.Add(new FieldError("symbols", $"At most {MaxSymbols} symbols."));
        ParameterChecks.Period(errors, "lookbackDays", LookbackDays);
        ParameterChecks.Period(errors, "rebalanceEveryDays", RebalanceEveryDays);
        var symbolCount = Symbols?.Count ?? 0;
        if (TopCount < 1 || (symbolCount >= 2 && TopCount >= symbolCount))
            errors.Add(new FieldError("topCount", $"Must be at least 1 and fewer than the number of symbols ({symbolCount}), got {TopCount}."));
        return errors;
    }
}
