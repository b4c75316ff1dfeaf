using TradeNova.Trading.Orders;
using TradeNova.Trading.Strategies;

namespace TradeNova.Backtest.Running;

/// <summary>Replaces the size of a strategy's entries (its buy orders sized by cash or equity) with the user's
/// choice, leaving exits and everything else untouched. Fixed dollars are converted to shares at the signal bar's
/// close, because the engine resolves only cash and equity sizes at the fill; the assumptions line says so.</summary>
public sealed class SizedStrategy(IStrategy inner, OrderSizingChoice sizing, decimal quantityIncrement) : IStrategy
{
    private readonly ResizingContext _context = new(sizing, quantityIncrement);

    public IReadOnlyList<string> Symbols => inner.Symbols;

    public void OnBar(IStrategyContext context)
    {
        _context.Inner = context;
        inner.OnBar(_context);
    }

    /// <summary>Derives from <see cref="StrategyContextDecorator"/> so a wrapped built-in strategy keeps the engine's fast
    /// path (and an optimisation's shared indicator columns): only <see cref="Submit"/> differs.</summary>
    private sealed class ResizingContext(OrderSizingChoice sizing, decimal increment) : StrategyContextDecorator
    {
        public override void Submit(OrderRequest order)
        {
            var isEntry = order.Side == OrderSide.Buy && order.Sizing.Mode is SizingMode.AllCash or SizingMode.PercentOfEquity;
            if (!isEntry)
            {
                Inner.Submit(order);
                return;
            }

            switch (sizing.Mode)
            {
                case OrderSizingMode.AllCash:
                    Inner.Submit(order with { Sizing = OrderSizing.AllCash() });
                    break;
                case OrderSizingMode.PercentOfEquity:
                    Inner.Submit(order with { Sizing = OrderSizing.PercentOfEquity(sizing.Value) });
                    break;
                case OrderSizingMode.FixedShares:
                    Inner.Submit(order with { Sizing = OrderSizing.Shares(sizing.Value) });
                    break;
                case OrderSizingMode.FixedDollars when Inner.TryGetBar(order.Symbol, out var bar) && bar.Close > 0:
                    var shares = decimal.Floor(sizing.Value / bar.Close / increment) * increment;
                    if (shares > 0)
                        Inner.Submit(order with { Sizing = OrderSizing.Shares(shares) });
                    break;
                case OrderSizingMode.Strategy:
                    Inner.Submit(order);
                    break;
            }
        }
    }
}
