namespace TradeNova.Trading.Indicators;

/// <summary>A whole SMA series at once, the same doubles <see cref="SimpleMovingAverage"/> gives bar by bar, computed
/// several times faster. Bar by bar, each value waits for the previous running sum (two dependent additions); but the
/// indicator replaces its running sum by the exact sum of its window every <see cref="IndicatorPeriod.RecomputeInterval"/>
/// updates, and that sum depends only on the window. So the series splits at those points into independent segments
/// whose starting sums are known in advance, and the segments' running sums advance side by side, one step of each
/// per turn, so the processor overlaps their additions. Every operation is the indicator's, in its order.</summary>
internal static class MovingAverageColumn
{
    private const int Interval = IndicatorPeriod.RecomputeInterval;

    /// <summary>Writes SMA(<paramref name="period"/>) of <paramref name="values"/> into <paramref name="destination"/>
    /// (NaN until ready).</summary>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> destination)
    {
        var n = values.Length;
        if (n < period)
        {
            destination[..n].Fill(double.NaN);
            return;
        }

        destination[..(period - 1)].Fill(double.NaN);
        // Filling the window: the running sum from 0, in order.
        var fillSum = 0.0;
        for (var i = 0; i < period; i++)
            fillSum += values[i];
        destination[period - 1] = fillSum / period;

        // Recompute points i_k = period - 1 + 1024 k (k ≥ 1): the value there is the window's sum in slot order.
        // Segment 0 runs the recurrence over [period, i_1), segment k over (i_k, i_(k+1)).
        var segments = (n - period) / Interval + 1;
        Span<double> sums = segments <= 16 ? stackalloc double[segments] : new double[segments];
        Span<int> starts = segments <= 16 ? stackalloc int[segments] : new int[segments];
        Span<int> ends = segments <= 16 ? stackalloc int[segments] : new int[segments];
        sums[0] = fillSum;
        starts[0] = period;
        var longest = 0;
        for (var k = 0; k < segments; k++)
        {
            var recomputeAt = period - 1 + Interval * (k + 1);
            ends[k] = Math.Min(recomputeAt, n);
            if (k > 0)
            {
                var at = period - 1 + Interval * k;
                sums[k] = WindowSum(values, period, at);
                destination[at] = sums[k] / period;
                starts[k] = at + 1;
            }

            longest = Math.Max(longest, ends[k] - starts[k]);
        }

        for (var step = 0; step < longest; step++)
        {
            for (var k = 0; k < segments; k++)
            {
                var i = starts[k] + step;
                if (i < ends[k])
                {
                    var sum = sums[k] - values[i - period] + values[i];
                    sums[k] = sum;
                    destination[i] = sum / period;
                }
            }
        }
    }

    /// <summary>The indicator's recomputed sum after the update at bar <paramref name="at"/>: its window slots in order,
    /// slot j holding the latest value written there (bar at - ((at - j) mod period)).</summary>
    private static double WindowSum(ReadOnlySpan<double> values, int period, int at)
    {
        var sum = 0.0;
        for (var slot = 0; slot < period; slot++)
            sum += values[at - (((at - slot) % period) + period) % period];
        return sum;
    }
}
