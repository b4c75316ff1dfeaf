namespace TradeNova.Trading.Strategies;

/// <summary>The outcome of <see cref="StrategyCatalog.Create(string, System.Text.Json.JsonElement)"/>: a strategy, or
/// the field errors that prevented it (never both).</summary>
public sealed record StrategyCreation(IStrategy? Strategy, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Strategy is not null;

    public static StrategyCreation Success(IStrategy strategy) => new(strategy, []);

    public static StrategyCreation Failure(IReadOnlyList<FieldError> errors) => new(null, errors);

    public static StrategyCreation Failure(string field, string message) => new(null, [new FieldError(field, message)]);
}
