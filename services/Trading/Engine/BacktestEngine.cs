using TradeNova.Trading.Data;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Engine;

/// <summary>Runs a strategy over historical bars: event-driven, portfolio-level (several symbols, one cash balance),
/// deterministic (same inputs, same result, bit for bit). The fill, cost and risk semantics are documented in
/// SEMANTICS.md next to this file. A strategy instance keeps indicator state, so give each run a fresh one.</summary>
public sealed class BacktestEngine(BacktestOptions? options = null)
{
    public BacktestOptions Options { get; } = options ?? new BacktestOptions();

    public BacktestResult Run(IStrategy strategy, IEnumerable<BarSeries> series) => Run(strategy, new MarketDataSet(series));

    /// <summary>Runs over a prepared data set; the data set is immutable and may be shared by parallel runs.</summary>
    public BacktestResult Run(IStrategy strategy, MarketDataSet data)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(data);
        foreach (var symbol in strategy.Symbols)
        {
            if (data.IndexOf(symbol) < 0)
            {
                throw new ArgumentException($"The strategy trades {symbol}, which is not in the data.", nameof(strategy));
            }
        }

        return new BacktestRun(strategy, data, Options).Execute();
    }
}
