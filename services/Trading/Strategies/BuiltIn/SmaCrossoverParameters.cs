namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Parameters of <see cref="SmaCrossoverStrategy"/>.</summary>
public sealed record SmaCrossoverParameters(string Symbol, int FastPeriod = 10, int SlowPeriod = 30) : IStrategyParameters
{
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ParameterChecks.Symbol(errors, "symbol", Symbol);
        ParameterChecks.Period(errors, "fastPeriod", FastPeriod);
        ParameterChecks.Period(errors, "slowPeriod", SlowPeriod);
        ParameterChecks.FastBelowSlow(errors, "fastPeriod", FastPeriod, "slowPeriod", SlowPeriod);
        return errors;
    }
}
