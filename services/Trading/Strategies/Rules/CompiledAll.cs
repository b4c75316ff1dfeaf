namespace TradeNova.Trading.Strategies.Rules;

internal sealed class CompiledAll(CompiledCondition[] conditions) : CompiledCondition
{
    public override bool Evaluate()
    {
        foreach (var condition in conditions)
        {
            if (!condition.Evaluate())
                return false;
        }
        return true;
    }
}
