namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Parameters of <see cref="RsiMeanReversionStrategy"/>; thresholds are RSI levels with
/// 0 &lt; <see cref="Oversold"/> &lt; <see cref="Overbought"/> &lt; 100.</summary>
public sealed record RsiMeanReversionParameters(string Symbol, int Period = 14, double Oversold = 30, double Overbought = 70)
    : IStrategyParameters
{
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ParameterChecks.Symbol(errors, "symbol", Symbol);
        ParameterChecks.Period(errors, "period", Period);
        if (!(Oversold is > 0 and < 100))
            errors.Add(new FieldError("oversold", $"Must be between 0 and 100 (exclusive), got {Oversold}."));
        if (!(Overbought is > 0 and < 100))
            errors.Add(new FieldError("overbought", $"Must be between 0 and 100 (exclusive), got {Overbought}."));
        if (Oversold >= Overbought)
            errors.Add(new FieldError("oversold", $"Must be below overbought ({Overbought}), got {Oversold}."));
        return errors;
    }
}
