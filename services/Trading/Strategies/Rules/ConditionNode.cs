namespace TradeNova.Trading.Strategies.Rules;

/// <summary>A parsed condition of a rule strategy: <see cref="AllCondition"/>, <see cref="AnyCondition"/> or
/// <see cref="ComparisonCondition"/>.</summary>
public abstract record ConditionNode;
