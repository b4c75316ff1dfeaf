namespace TradeNova.Trading.Strategies;

/// <summary>Thrown when a strategy is constructed with parameters that fail validation. Callers taking user input go
/// through <c>StrategyCatalog</c>, which reports the same errors without throwing.</summary>
public sealed class StrategyParameterException : ArgumentException
{
    public StrategyParameterException(IReadOnlyList<FieldError> errors)
        : base("Invalid strategy parameters: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<FieldError> Errors { get; }

    public static void ThrowIfInvalid(IStrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = parameters.Validate();
        if (errors.Count > 0)
            throw new StrategyParameterException(errors);
    }
}
