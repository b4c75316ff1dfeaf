using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies;

/// <summary>The crossings of two moving averages over a whole close column, bar by bar, as the SMA crossover strategy
/// would detect them updating its averages one bar at a time: nothing until the slow average is ready, then
/// <see cref="CrossDetector"/> on the two values. The values are the same doubles (<see cref="RollingMean"/>), so the
/// signals are the same; computing them in one tight pass keeps the averages' running sums in registers.</summary>
internal static class CrossSignals
{
    /// <summary>[bar] = (sbyte)<see cref="CrossDirection"/> of SMA(fast) against SMA(slow) at that bar. The two running
    /// sums are <see cref="RollingMean"/>'s arithmetic written out over locals (same operations in the same order, so
    /// the same doubles; a test compares them with the columns), which keeps them in registers.</summary>
    public static sbyte[] OfMovingAverages(double[] closes, int fastPeriod, int slowPeriod)
    {
        var signals = new sbyte[closes.Length];
        var fastWindow = new double[fastPeriod];
        var slowWindow = new double[slowPeriod];
        int fastNext = 0, fastCount = 0, fastSince = 0, slowNext = 0, slowCount = 0, slowSince = 0;
        double fastSum = 0, slowSum = 0, fastValue = double.NaN;
        var cross = new CrossDetector();
        for (var i = 0; i < closes.Length; i++)
        {
            var close = closes[i];
            if (fastCount == fastPeriod)
            {
                fastSum = fastSum - fastWindow[fastNext] + close;
                fastWindow[fastNext] = close;
                if (++fastSince == IndicatorPeriod.RecomputeInterval)
                {
                    fastSince = 0;
                    fastSum = Sum(fastWindow);
                }
            }
            else
            {
                fastSum += close;
                fastWindow[fastNext] = close;
                fastCount++;
            }

            fastNext = fastNext + 1 == fastPeriod ? 0 : fastNext + 1;
            if (fastCount == fastPeriod)
                fastValue = fastSum / fastPeriod;

            if (slowCount == slowPeriod)
            {
                slowSum = slowSum - slowWindow[slowNext] + close;
                slowWindow[slowNext] = close;
                if (++slowSince == IndicatorPeriod.RecomputeInterval)
                {
                    slowSince = 0;
                    slowSum = Sum(slowWindow);
                }
            }
            else
            {
                slowSum += close;
                slowWindow[slowNext] = close;
                slowCount++;
            }

            slowNext = slowNext + 1 == slowPeriod ? 0 : slowNext + 1;
            if (slowCount == slowPeriod)
                signals[i] = (sbyte)cross.Update(fastValue, slowSum / slowPeriod);
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

    private static double Sum(double[] window)
    {
        var sum = 0.0;
        foreach (var v in window)
            sum += v;
        return sum;
    }
}
