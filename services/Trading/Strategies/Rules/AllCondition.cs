namespace TradeNova.Trading.Strategies.Rules;

/// <summary>True when every child is true (and).</summary>
public sealed record AllCondition(IReadOnlyList<ConditionNode> Conditions) : ConditionNode;
