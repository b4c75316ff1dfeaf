using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TradeNova.Trading.Indicators;

/// <summary>A whole SMA series at once, the same doubles <see cref="SimpleMovingAverage"/> gives bar by bar (the
/// arithmetic of <see cref="RollingMean"/>). The values' ticks (<see cref="TickSeries"/>) can be converted once and
/// shared by the averages of every length; a window of prices then costs an integer addition, a subtraction and the one
/// division, and a window holding another value is summed afresh, oldest first, as the indicator does.</summary>
internal static class MovingAverageColumn
{
    /// <summary>Writes SMA(<paramref name="period"/>) of <paramref name="values"/> into <paramref name="destination"/>
    /// (NaN until ready).</summary>
    public static void Compute(ReadOnlySpan<double> values, int period, Span<double> destination) =>
        Compute(values, new TickSeries(values), period, destination);

    /// <summary>The same, with the values' <paramref name="ticks"/> converted beforehand.</summary>
    public static void Compute(ReadOnlySpan<double> values, TickSeries ticks, int period, Span<double> destination)
    {
        var n = values.Length;
        destination[..Math.Min(n, period - 1)].Fill(double.NaN);
        var divisor = period * ExactTicks.PerUnit;
        if (ticks.Largest < ExactTicks.ExactIntegerLimit / period)
        {
            SmallPrices(ticks.Ticks.AsSpan(0, n), period, divisor, destination);
            return;
        }

        var limit = (long)ExactTicks.Bound(period);
        var series = ticks.Ticks;
        long sum = 0;
        var inexact = 0;
        for (var i = 0; i < n; i++)
        {
            var added = series[i];
            if (added == ExactTicks.Inexact || Math.Abs(added) >= limit)
                inexact++;
            else
                sum += added;
            if (i >= period)
            {
                var removed = series[i - period];
                if (removed == ExactTicks.Inexact || Math.Abs(removed) >= limit)
                    inexact--;
                else
                    sum -= removed;
            }

            if (i >= period - 1)
                destination[i] = inexact == 0 ? ExactTicks.Quotient(sum, divisor) : Sum(values.Slice(i - period + 1, period)) / period;
        }
    }

    /// <summary>Every value a price and every sum below 2^53: each mean is one exact integer update and one division
    /// (what <see cref="ExactTicks.Quotient"/> does for such sums). The sums are written first (each converts to a double
    /// exactly) and then divided four at a time: IEEE division rounds each lane as the scalar one does, so the values are
    /// the same, at a fraction of the divider's time.</summary>
    private static void SmallPrices(ReadOnlySpan<long> ticks, int period, double divisor, Span<double> destination)
    {
        if (ticks.Length < period)
            return;
        long sum = 0;
        for (var i = 0; i < period; i++)
            sum += ticks[i];
        destination[period - 1] = sum;
        for (var i = period; i < ticks.Length; i++)
        {
            sum += ticks[i] - ticks[i - period];
            destination[i] = sum;
        }

        DivideInPlace(destination[(period - 1)..ticks.Length], divisor);
    }

    private static void DivideInPlace(Span<double> values, double divisor)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetReference(values);
            var divisors = Vector256.Create(divisor);
            for (; i + Vector256<double>.Count <= values.Length; i += Vector256<double>.Count)
                (Vector256.LoadUnsafe(ref first, (nuint)i) / divisors).StoreUnsafe(ref first, (nuint)i);
        }

        for (; i < values.Length; i++)
            values[i] /= divisor;
    }

    private static double Sum(ReadOnlySpan<double> window)
    {
        var sum = 0.0;
        foreach (var value in window)
            sum += value;
        return sum;
    }
}
