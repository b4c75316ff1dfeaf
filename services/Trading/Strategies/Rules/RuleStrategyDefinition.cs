namespace TradeNova.Trading.Strategies.Rules;

/// <summary>A parsed and validated rule strategy. For each symbol independently: when flat and <see cref="Entry"/> is
/// true at a close, buy <see cref="FractionOfEquity"/> of equity at market; when long and <see cref="Exit"/> is true,
/// sell the entire position at market.</summary>
public sealed record RuleStrategyDefinition(
    string? Name,
    IReadOnlyList<string> Symbols,
    ConditionNode Entry,
    ConditionNode Exit,
    decimal FractionOfEquity);
