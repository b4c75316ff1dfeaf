namespace TradeNova.Trading.Strategies.Rules;

/// <summary>A parsed rule strategy, or every error found in the document (never both).</summary>
public sealed record RuleParseResult(RuleStrategyDefinition? Definition, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Definition is not null;
}
