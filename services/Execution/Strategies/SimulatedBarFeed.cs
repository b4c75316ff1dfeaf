using TradeNova.Execution.Market;
using TradeNova.Trading.Data;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Bars of the simulated market: the simulator's ticks over the window (one a second, the cadence of
/// <c>MarketPricesUpdated</c>; at most 720 for long bars) aggregated by <see cref="BarAggregator"/>. The simulator is a
/// pure function of time, so every instance, and an instance after a restart, builds the same bar for the same window.
/// </summary>
public sealed class SimulatedBarFeed(PriceSimulator prices) : IBarFeed
{
    private const int MaxTicksPerBar = 720;

    public Bar? BarOf(string symbol, DateTimeOffset start, TimeSpan length)
    {
        if (!SymbolUniverse.TryGetIndex(symbol, out var index))
        {
            return null;
        }

        var step = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(length.TotalSeconds / MaxTicksPerBar)));
        var aggregator = new BarAggregator(length);
        for (var at = start; at < start + length; at += step)
        {
            aggregator.Add(at, prices.PriceAt(index, at));
        }

        return aggregator.Flush(start + length);
    }
}
