namespace TradeNova.Trading.Indicators;

/// <summary>A series' values as ticks, converted once and shared by its averages of every length (a parameter grid reads
/// 70 of them from one close column). <see cref="ExactTicks.Inexact"/> marks a value that is not a whole number of ticks;
/// an average of length n also treats a tick count at or above <see cref="ExactTicks.Bound"/>(n) as inexact.</summary>
internal sealed class TickSeries
{
    public TickSeries(ReadOnlySpan<double> values)
    {
        var bound = ExactTicks.Bound(1);
        Ticks = new long[values.Length];
        long largest = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (ExactTicks.TryGet(values[i], bound, out var ticks))
            {
                Ticks[i] = ticks;
                largest = Math.Max(largest, Math.Abs(ticks));
            }
            else
            {
                Ticks[i] = ExactTicks.Inexact;
                largest = long.MaxValue;
            }
        }

        Largest = largest;
    }

    public long[] Ticks { get; }

    /// <summary>The largest magnitude of a tick count, long.MaxValue when a value is inexact.</summary>
    public long Largest { get; }
}
