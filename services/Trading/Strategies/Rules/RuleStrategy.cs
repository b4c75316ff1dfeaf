using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>A compiled <see cref="RuleStrategyDefinition"/>. At each close, for each of its symbols that has a bar:
/// update that symbol's indicators; if flat with nothing pending and the entry condition holds, buy
/// <see cref="RuleStrategyDefinition.FractionOfEquity"/> of equity at market; if long and the exit condition holds,
/// sell the entire position at market.</summary>
public sealed class RuleStrategy : IStrategy
{
    private readonly (string Symbol, SymbolRuleEvaluator Evaluator)[] _symbols;
    private readonly OrderSizing _sizing;

    public RuleStrategy(RuleStrategyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        _symbols = [.. definition.Symbols.Select(s => (s, new SymbolRuleEvaluator(definition)))];
        _sizing = OrderSizing.PercentOfEquity(definition.FractionOfEquity);
        Symbols = [.. definition.Symbols];
    }

    public RuleStrategyDefinition Definition { get; }

    public IReadOnlyList<string> Symbols { get; }

    public void OnBar(IStrategyContext context)
    {
        foreach (var (symbol, evaluator) in _symbols)
        {
            if (!context.TryGetBar(symbol, out var bar))
                continue;
            evaluator.Update(bar);

            var position = context.PositionQuantity(symbol);
            if (position == 0)
            {
                if (evaluator.EntryHolds())
                    LongOnlyOrders.Enter(context, symbol, _sizing, "rule-entry");
            }
            else if (position > 0 && evaluator.ExitHolds())
                LongOnlyOrders.Exit(context, symbol, "rule-exit");
        }
    }
}
