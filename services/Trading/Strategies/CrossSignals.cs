using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies;

/// <summary>The crossings of two moving averages over a whole close column, bar by bar, as the SMA crossover strategy
/// would detect them updating its averages one bar at a time: nothing until the slow average is ready, then
/// <see cref="CrossDetector"/> on the two values. The values are the same doubles (<see cref="RollingMean"/>), so the
/// signals are the same; computing them in one tight pass keeps the averages' running sums in registers.</summary>
internal static class CrossSignals
{
    /// <summary>[bar] = (sbyte)<see cref="CrossDirection"/> of SMA(fast) against SMA(slow) at that bar.</summary>
    public static sbyte[] OfMovingAverages(double[] closes, int fastPeriod, int slowPeriod)
    {
        var signals = new sbyte[closes.Length];
        var fast = new RollingMean(fastPeriod);
        var slow = new RollingMean(slowPeriod);
        var cross = new CrossDetector();
        for (var i = 0; i < closes.Length; i++)
        {
            var close = closes[i];
            fast.Update(close);
            slow.Update(close);
            if (slow.IsReady)
                signals[i] = (sbyte)cross.Update(fast.Value, slow.Value);
        }

        return signals;
    }

    /// <summary>The same from two precomputed columns (NaN until ready): the slow column is ready from bar
    /// <paramref name="slowPeriod"/> - 1.</summary>
    public static sbyte[] OfColumns(double[] fast, double[] slow, int slowPeriod)
    {
        var signals = new sbyte[slow.Length];
        var cross = new CrossDetector();
        for (var i = slowPeriod - 1; i < slow.Length; i++)
            signals[i] = (sbyte)cross.Update(fast[i], slow[i]);
        return signals;
    }
}
