namespace TradeNova.Trading.Strategies.Rules;

internal sealed class CompiledComparison(ComparisonOperator op, RuleValue left, RuleValue right) : CompiledCondition
{
    public override bool Evaluate() => op switch
    {
        ComparisonOperator.GreaterThan => left.Current > right.Current,
        ComparisonOperator.GreaterThanOrEqual => left.Current >= right.Current,
        ComparisonOperator.LessThan => left.Current < right.Current,
        ComparisonOperator.LessThanOrEqual => left.Current <= right.Current,
        ComparisonOperator.CrossesAbove => left.Previous <= right.Previous && left.Current > right.Current,
        ComparisonOperator.CrossesBelow => left.Previous >= right.Previous && left.Current < right.Current,
        _ => false,
    };
}
