namespace TradeNova.Trading.Strategies.Rules;

/// <summary>A compiled operand: its value on the current bar and on the previous one (for crosses); NaN when undefined.</summary>
internal abstract class RuleValue
{
    public abstract double Current { get; }

    public abstract double Previous { get; }
}
