namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Parameters of <see cref="DonchianBreakoutStrategy"/> (the classic turtle system uses 20 / 10).</summary>
public sealed record DonchianBreakoutParameters(string Symbol, int EntryPeriod = 20, int ExitPeriod = 10) : IStrategyParameters
{
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ParameterChecks.Symbol(errors, "symbol", Symbol);
        ParameterChecks.Period(errors, "entryPeriod", EntryPeriod);
        ParameterChecks.Period(errors, "exitPeriod", ExitPeriod);
        return errors;
    }
}
