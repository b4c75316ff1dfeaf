using TradeNova.Trading.Indicators;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Strategies;

namespace TradeNova.Benchmarks;

/// <summary>The 10-symbol benchmark's strategy: an SMA crossover on every symbol, entering with 10% of equity, exiting
/// the whole position; the same indicator and cross code as the built-in single-symbol crossover.</summary>
internal sealed class PortfolioSmaCrossover : IStrategy
{
    private readonly string[] _symbols;
    private readonly SimpleMovingAverage[] _fast;
    private readonly SimpleMovingAverage[] _slow;
    private readonly CrossDetector[] _cross;

    public PortfolioSmaCrossover(IReadOnlyList<string> symbols, int fast, int slow)
    {
        _symbols = symbols.ToArray();
        _fast = _symbols.Select(_ => new SimpleMovingAverage(fast)).ToArray();
        _slow = _symbols.Select(_ => new SimpleMovingAverage(slow)).ToArray();
        _cross = new CrossDetector[_symbols.Length];
    }

    public IReadOnlyList<string> Symbols => _symbols;

    public void OnBar(IStrategyContext context)
    {
        for (var i = 0; i < _symbols.Length; i++)
        {
            var symbol = _symbols[i];
            if (!context.TryGetBar(symbol, out var bar))
            {
                continue;
            }

            var close = (double)bar.Close;
            _fast[i].Update(close);
            _slow[i].Update(close);
            if (!_slow[i].IsReady)
            {
                continue;
            }

            switch (_cross[i].Update(_fast[i].Value, _slow[i].Value))
            {
                case CrossDirection.Above:
                    LongOnlyOrders.Enter(context, symbol, OrderSizing.PercentOfEquity(0.10m), "cross-above");
                    break;
                case CrossDirection.Below:
                    LongOnlyOrders.Exit(context, symbol, "cross-below");
                    break;
            }
        }
    }
}
