namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Parameters of <see cref="EmaCrossoverStrategy"/>.</summary>
public sealed record EmaCrossoverParameters(string Symbol, int FastPeriod = 12, int SlowPeriod = 26) : IStrategyParameters
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
