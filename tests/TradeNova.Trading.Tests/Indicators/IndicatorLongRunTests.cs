using TradeNova.Trading.Data;
using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>Properties over long random series: incremental values stay equal to a from-scratch computation (no drift,
/// correct deque), updates allocate nothing, and Reset really starts over.</summary>
public sealed class IndicatorLongRunTests
{
    private static double[] RandomWalk(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        var price = 1000.0;
        for (var i = 0; i < count; i++)
        {
            price *= 1 + (random.NextDouble() - 0.5) * 0.04;
            values[i] = Math.Round(price, 2);
        }
        return values;
    }

    private static void ShouldBeClose(double actual, double expected, string what) =>
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(1e-9 * Math.Max(1, Math.Abs(expected)), what);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(500)]
    public void Moving_averages_and_bands_match_a_from_scratch_computation_after_200k_updates(int period)
    {
        var values = RandomWalk(200_000, period);
        var sma = new SimpleMovingAverage(period);
        var wma = new WeightedMovingAverage(period);
        var bands = new BollingerBands(period, 2);
        for (var i = 0; i < values.Length; i++)
        {
            sma.Update(values[i]);
            wma.Update(values[i]);
            bands.Update(values[i]);
            if (i < period - 1 || i % 997 != 0)
                continue;

            var window = values.AsSpan(i - period + 1, period).ToArray();
            var mean = window.Average();
            var weighted = window.Select((v, k) => v * (k + 1)).Sum() / (period * (period + 1) / 2.0);
            var deviation = Math.Sqrt(window.Sum(v => (v - mean) * (v - mean)) / period);
            ShouldBeClose(sma.Value, mean, $"SMA at {i}");
            ShouldBeClose(wma.Value, weighted, $"WMA at {i}");
            ShouldBeClose(bands.Middle, mean, $"Bollinger middle at {i}");
            ShouldBeClose(bands.StandardDeviation, deviation, $"Bollinger σ at {i}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(13)]
    [InlineData(100)]
    public void Rolling_extremes_match_a_scan_of_the_window(int period)
    {
        // Rounded to few distinct values so that ties (equal highs) are frequent.
        var values = RandomWalk(20_000, period).Select(v => Math.Round(v / 10)).ToArray();
        var highest = new RollingHighest(period);
        var lowest = new RollingLowest(period);
        for (var i = 0; i < values.Length; i++)
        {
            highest.Update(values[i]);
            lowest.Update(values[i]);
            highest.IsReady.ShouldBe(i >= period - 1);
            if (!highest.IsReady)
                continue;
            var window = values.AsSpan(i - period + 1, period);
            highest.Value.ShouldBe(window.ToArray().Max());
            lowest.Value.ShouldBe(window.ToArray().Min());
        }
    }

    [Fact]
    public void Updates_allocate_nothing()
    {
        var values = RandomWalk(10_000, 1);
        var bars = values.Select(v => new Bar(DateTimeOffset.UnixEpoch, (decimal)v, (decimal)v + 1, (decimal)v - 1, (decimal)v, 1000m)).ToArray();
        IIndicator[] indicators =
        [
            new SimpleMovingAverage(20), new ExponentialMovingAverage(20), new WeightedMovingAverage(20),
            new RelativeStrengthIndex(14), new Macd(), new BollingerBands(), new AverageTrueRange(),
            new Stochastic(), new RollingHighest(20), new RollingLowest(20), new VolumeAverage(20),
        ];
        foreach (var indicator in indicators)
            indicator.Update(bars[0]);

        // The counter also reports as allocated what the runtime does on this thread once: the rest of an allocation
        // context abandoned when another test's thread starts a collection, a method's first call or tier-up. A real
        // allocation per update shows in every pass over the 10,000 bars, so the least of a few passes must be zero.
        var allocated = long.MaxValue;
        for (var attempt = 0; attempt < 10 && allocated > 0; attempt++)
            allocated = Math.Min(allocated, AllocatedBytesOfUpdates(indicators, bars));
        allocated.ShouldBe(0);
    }

    private static long AllocatedBytesOfUpdates(IIndicator[] indicators, Bar[] bars)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var bar in bars)
        {
            foreach (var indicator in indicators)
                indicator.Update(bar);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Reset_starts_over_as_a_new_instance_would()
    {
        var values = RandomWalk(3_000, 3);
        var reused = new Macd();
        foreach (var v in values)
            reused.Update(v + 50);
        reused.Reset();
        reused.IsLineReady.ShouldBeFalse();

        var fresh = new Macd();
        foreach (var v in values)
        {
            reused.Update(v);
            fresh.Update(v);
        }
        reused.Histogram.ShouldBe(fresh.Histogram);
    }
}
