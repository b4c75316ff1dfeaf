namespace TradeNova.Trading.Strategies.Rules;

internal sealed class CompiledAny(CompiledCondition[] conditions) : CompiledCondition
{
    public override bool Evaluate()
    {
        foreach (var condition in conditions)
        {
            if (condition.Evaluate())
                return true;
        }
        return false;
    }
}
