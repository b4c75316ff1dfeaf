namespace TradeNova.Trading.Strategies.Rules;

internal sealed class SeriesRuleValue(OperandSeries series, int barsAgo) : RuleValue
{
    public override double Current => series.At(barsAgo);

    public override double Previous => series.At(barsAgo + 1);
}
