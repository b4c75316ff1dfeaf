namespace TradeNova.Trading.Strategies.Rules;

/// <summary>A condition ready to evaluate on the current bar. Comparisons involving NaN are false (IEEE semantics), so
/// anything not ready, or without enough history, never triggers.</summary>
internal abstract class CompiledCondition
{
    public abstract bool Evaluate();
}
