namespace TradeNova.Trading.Strategies.Rules;

/// <summary>How a comparison node relates its two operands. Crosses compare the previous bar with the current one:
/// <see cref="CrossesAbove"/> is left ≤ right on the previous bar and left &gt; right now.</summary>
public enum ComparisonOperator
{
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    CrossesAbove,
    CrossesBelow,
}
