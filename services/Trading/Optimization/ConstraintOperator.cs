namespace TradeNova.Trading.Optimization;

public enum ConstraintOperator
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
