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
    public BacktestResult Run(IStrategy strategy, MarketDataSet data) => Run(strategy, data, null);

    /// <summary>Runs over a prepared data set, reading indicator series from <paramref name="columns"/> (computed once per
    /// distinct parameter and shared by every run of a parameter search) where the strategy supports it. The result is
    /// the same, bit for bit, as without the columns.</summary>
    public BacktestResult Run(IStrategy strategy, MarketDataSet data, IndicatorColumns? columns)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(data);
        if (columns is not null && !ReferenceEquals(columns.Data, data))
        {
            throw new ArgumentException("The indicator columns belong to another data set.", nameof(columns));
        }

        foreach (var symbol in strategy.Symbols)
        {
            if (data.IndexOf(symbol) < 0)
            {
                throw new ArgumentException($"The strategy trades {symbol}, which is not in the data.", nameof(strategy));
            }
        }

        return new BacktestRun(strategy, data, Options, columns).Execute();
    }
}
