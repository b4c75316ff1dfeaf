namespace TradeNova.Trading.Strategies.Rules;

internal sealed class ConstantRuleValue(double value) : RuleValue
{
    public override double Current => value;

    public override double Previous => value;
}
