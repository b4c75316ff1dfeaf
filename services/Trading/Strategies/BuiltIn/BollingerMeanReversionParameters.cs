namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Parameters of <see cref="BollingerMeanReversionStrategy"/>: band period and width in standard deviations
/// (0 &lt; multiplier ≤ 5).</summary>
public sealed record BollingerMeanReversionParameters(string Symbol, int Period = 20, double Multiplier = 2.0) : IStrategyParameters
{
    public const double MaxMultiplier = 5.0;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ParameterChecks.Symbol(errors, "symbol", Symbol);
        ParameterChecks.Period(errors, "period", Period);
        if (Period < 2 && Period >= ParameterChecks.MinPeriod)
            errors.Add(new FieldError("period", "Bands need at least 2 bars."));
        if (!(Multiplier is > 0 and <= MaxMultiplier))
            errors.Add(new FieldError("multiplier", $"Must be greater than 0 and at most {MaxMultiplier}, got {Multiplier}."));
        return errors;
    }
}
