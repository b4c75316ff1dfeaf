namespace TradeNova.Trading.Strategies.Rules;

/// <summary><c>left op right</c>. False whenever either side is undefined (an indicator not yet ready, or not enough
/// history for <c>barsAgo</c> or for a cross).</summary>
public sealed record ComparisonCondition(ComparisonOperator Operator, Operand Left, Operand Right) : ConditionNode;
