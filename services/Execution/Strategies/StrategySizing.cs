using TradeNova.Trading.Orders;
using TradeNova.Trading.Strategies;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// The optional <c>sizing</c> of a run, with the modes of a backtest request (strategy, all-cash, percent-of-equity,
/// fixed-shares, fixed-dollars): it replaces the size of the strategy's entries (buys sized by cash or equity) and
/// leaves exits alone, as the lab's sizing does, so a run can trade exactly what its backtest did.
/// </summary>
public static class StrategySizing
{
    public const string Strategy = "strategy";
    public const string AllCash = "all-cash";
    public const string PercentOfEquity = "percent-of-equity";
    public const string FixedShares = "fixed-shares";
    public const string FixedDollars = "fixed-dollars";

    public static readonly IReadOnlyList<string> Modes = [Strategy, AllCash, PercentOfEquity, FixedShares, FixedDollars];

    /// <summary>The strategy itself, or wrapped so its entries take the chosen size.</summary>
    public static IStrategy Apply(IStrategy strategy, string mode, decimal? value) =>
        mode == Strategy ? strategy : new SizedStrategy(strategy, mode, value ?? 0m);

    private sealed class SizedStrategy(IStrategy inner, string mode, decimal value) : IStrategy
    {
        private readonly ResizingContext _context = new(mode, value);

        public IReadOnlyList<string> Symbols => inner.Symbols;

        public void OnBar(IStrategyContext context)
        {
            _context.Inner = context;
            inner.OnBar(_context);
        }
    }

    private sealed class ResizingContext(string mode, decimal value) : StrategyContextDecorator
    {
        public override void Submit(OrderRequest order)
        {
            if (order.Side != OrderSide.Buy || order.Sizing.Mode is not (SizingMode.AllCash or SizingMode.PercentOfEquity))
            {
                Inner.Submit(order);
                return;
            }

            switch (mode)
            {
                case AllCash:
                    Inner.Submit(order with { Sizing = OrderSizing.AllCash() });
                    break;
                case PercentOfEquity:
                    Inner.Submit(order with { Sizing = OrderSizing.PercentOfEquity(value) });
                    break;
                case FixedShares:
                    Inner.Submit(order with { Sizing = OrderSizing.Shares(value) });
                    break;
                case FixedDollars when Inner.TryGetBar(order.Symbol, out var bar) && bar.Close > 0:
                    var shares = decimal.Floor(value / bar.Close);
                    if (shares > 0)
                    {
                        Inner.Submit(order with { Sizing = OrderSizing.Shares(shares) });
                    }

                    break;
                default:
                    Inner.Submit(order);
                    break;
            }
        }
    }
}
