namespace TradeNova.Trading.Strategies.Rules;

/// <summary>True when at least one child is true (or).</summary>
public sealed record AnyCondition(IReadOnlyList<ConditionNode> Conditions) : ConditionNode;
