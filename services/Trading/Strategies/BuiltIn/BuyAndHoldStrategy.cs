using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>The benchmark strategy: buy on each symbol's first bar and never sell. One symbol gets all the cash; n
/// symbols get 1/n of equity each (<see cref="OrderSizing.PercentOfEquity"/>, resolved at the fill), bought as each
/// symbol's first bar arrives.</summary>
public sealed class BuyAndHoldStrategy : IStrategy
{
    private readonly HashSet<string> _bought = new(StringComparer.Ordinal);
    private readonly OrderSizing _sizing;

    public BuyAndHoldStrategy(BuyAndHoldParameters parameters)
    {
        StrategyParameterException.ThrowIfInvalid(parameters);
        Parameters = parameters;
        Symbols = [.. parameters.Symbols];
        _sizing = Symbols.Count == 1 ? OrderSizing.AllCash() : OrderSizing.PercentOfEquity(1m / Symbols.Count);
    }

    public BuyAndHoldParameters Parameters { get; }

    public IReadOnlyList<string> Symbols { get; }

    public void OnBar(IStrategyContext context)
    {
        foreach (var symbol in Symbols)
        {
            if (_bought.Contains(symbol) || !context.TryGetBar(symbol, out _))
                continue;
            if (LongOnlyOrders.Enter(context, symbol, _sizing, "buy-and-hold"))
                _bought.Add(symbol);
        }
    }
}
