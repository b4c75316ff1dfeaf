using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies;

/// <summary>The crossings of two moving averages over a whole close column, bar by bar, as the SMA crossover strategy
/// detects them updating its averages one bar at a time: nothing until the slow average is ready, then
/// <see cref="CrossDetector"/> on the two values. The averages are the same doubles (<see cref="MovingAverageColumn"/>),
/// so the signals are the same; a test compares them with the bar-by-bar indicators.</summary>
internal static class CrossSignals
{
    /// <summary>[bar] = (sbyte)<see cref="CrossDirection"/> of SMA(fast) against SMA(slow) at that bar.</summary>
    public static sbyte[] OfMovingAverages(double[] closes, int fastPeriod, int slowPeriod) =>
        OfMovingAverages(closes, new TickSeries(closes), fastPeriod, slowPeriod);

    /// <summary>The same, with the closes' <paramref name="ticks"/> converted beforehand.</summary>
    public static sbyte[] OfMovingAverages(double[] closes, TickSeries ticks, int fastPeriod, int slowPeriod)
    {
        var fast = ArrayPool<double>.Shared.Rent(closes.Length);
        var slow = ArrayPool<double>.Shared.Rent(closes.Length);
        try
        {
            MovingAverageColumn.Compute(closes, ticks, fastPeriod, fast);
            MovingAverageColumn.Compute(closes, ticks, slowPeriod, slow);
            return OfColumns(fast.AsSpan(0, closes.Length), slow.AsSpan(0, closes.Length), slowPeriod);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(fast);
            ArrayPool<double>.Shared.Return(slow);
        }
    }

    /// <summary>The same from two columns (NaN until ready; the slow one is ready from bar <paramref name="slowPeriod"/>
    /// - 1). With the fast period below the slow one both values are defined from there, and "above" at bar i is
    /// fast &gt; slow at i and not at i - 1, "below" fast &lt; slow at i and not at i - 1: compared four bars at a time
    /// into 64-bar masks. Otherwise the detector runs bar by bar.</summary>
    public static sbyte[] OfColumns(ReadOnlySpan<double> fast, ReadOnlySpan<double> slow, int slowPeriod)
    {
        var signals = new sbyte[slow.Length];
        var start = slowPeriod - 1;
        if (start >= slow.Length)
            return signals;

        if (double.IsNaN(fast[start]) || double.IsNaN(slow[start]))
        {
            var cross = new CrossDetector();
            for (var i = start; i < slow.Length; i++)
                signals[i] = (sbyte)cross.Update(fast[i], slow[i]);
            return signals;
        }

        var previousAbove = fast[start] > slow[start];
        var previousBelow = fast[start] < slow[start];
        ref var fastData = ref MemoryMarshal.GetReference(fast);
        ref var slowData = ref MemoryMarshal.GetReference(slow);
        for (var block = start + 1; block < slow.Length; block += 64)
        {
            var count = Math.Min(64, slow.Length - block);
            ulong above = 0, below = 0;
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 4 <= count; j += 4)
                {
                    var f = Vector256.LoadUnsafe(ref fastData, (nuint)(block + j));
                    var s = Vector256.LoadUnsafe(ref slowData, (nuint)(block + j));
                    above |= (ulong)Vector256.GreaterThan(f, s).ExtractMostSignificantBits() << j;
                    below |= (ulong)Vector256.LessThan(f, s).ExtractMostSignificantBits() << j;
                }
            }

            for (; j < count; j++)
            {
                above |= (fast[block + j] > slow[block + j] ? 1UL : 0UL) << j;
                below |= (fast[block + j] < slow[block + j] ? 1UL : 0UL) << j;
            }

            var crossAbove = above & ~((above << 1) | (previousAbove ? 1UL : 0UL));
            var crossBelow = below & ~((below << 1) | (previousBelow ? 1UL : 0UL));
            var events = crossAbove | crossBelow;
            while (events != 0)
            {
                var k = BitOperations.TrailingZeroCount(events);
                events &= events - 1;
                signals[block + k] = (sbyte)((crossAbove >> k & 1) != 0 ? CrossDirection.Above : CrossDirection.Below);
            }

            previousAbove = (above >> (count - 1) & 1) != 0;
            previousBelow = (below >> (count - 1) & 1) != 0;
        }

        return signals;
    }
}
