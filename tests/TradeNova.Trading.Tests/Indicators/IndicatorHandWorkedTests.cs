using TradeNova.Trading.Data;
using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>Small series whose values are worked out by hand.</summary>
public sealed class IndicatorHandWorkedTests
{
    private static double[] Feed(ISeriesIndicator indicator, params double[] values) =>
        values.Select(v =>
        {
            indicator.Update(v);
            return indicator.IsReady ? indicator.Value : double.NaN;
        }).ToArray();

    private static Bar Bar(double high, double low, double close, double volume = 0) =>
        new(DateTimeOffset.UnixEpoch, (decimal)close, (decimal)high, (decimal)low, (decimal)close, (decimal)volume);

    [Fact]
    public void Sma_is_the_mean_of_the_last_period_values_and_undefined_before()
    {
        Feed(new SimpleMovingAverage(3), 1, 2, 3, 4, 10).ShouldBe([double.NaN, double.NaN, 2, 3, 17.0 / 3]);
    }

    [Fact]
    public void Ema_is_seeded_with_the_sma_of_the_first_period_values()
    {
        // α = 2/4 = 0.5: seed (1+2+3)/3 = 2, then 2 + 0.5·(4 - 2) = 3, then 3 + 0.5·(10 - 3) = 6.5.
        Feed(new ExponentialMovingAverage(3), 1, 2, 3, 4, 10).ShouldBe([double.NaN, double.NaN, 2, 3, 6.5]);
    }

    [Fact]
    public void Wma_weighs_the_newest_value_most()
    {
        // (1·1 + 2·2 + 3·3) / 6 = 14/6, then (1·2 + 2·3 + 3·10) / 6 = 38/6.
        var values = Feed(new WeightedMovingAverage(3), 1, 2, 3, 10);
        values[2].ShouldBe(14.0 / 6, 1e-15);
        values[3].ShouldBe(38.0 / 6, 1e-15);
    }

    [Fact]
    public void Rsi_uses_wilder_averages_seeded_with_the_mean_of_the_first_changes()
    {
        // Changes +2, -1, +3, -2; period 2: seed gain (2+0)/2 = 1, loss (0+1)/2 = 0.5 → RSI 100 - 100/3;
        // then gain (1·1 + 3)/2 = 2, loss (0.5·1 + 0)/2 = 0.25 → RS 8; then gain 1, loss 1.125.
        var rsi = new RelativeStrengthIndex(2);
        var values = Feed(rsi, 10, 12, 11, 14, 12);
        values[..2].ShouldBe([double.NaN, double.NaN]);
        values[2].ShouldBe(100 - 100 / 3.0, 1e-12);
        values[3].ShouldBe(100 - 100 / 9.0, 1e-12);
        rsi.AverageGain.ShouldBe(1, 1e-15);
        rsi.AverageLoss.ShouldBe(1.125, 1e-15);
    }

    [Fact]
    public void Rsi_is_100_without_losses_and_0_without_gains()
    {
        Feed(new RelativeStrengthIndex(3), 1, 2, 3, 4, 5)[^1].ShouldBe(100);
        Feed(new RelativeStrengthIndex(3), 5, 4, 3, 2, 1)[^1].ShouldBe(0);
    }

    [Fact]
    public void Rolling_highest_and_lowest_include_the_current_value()
    {
        Feed(new RollingHighest(3), 5, 1, 4, 2, 3, 9).ShouldBe([double.NaN, double.NaN, 5, 4, 4, 9]);
        Feed(new RollingLowest(3), 5, 1, 4, 2, 3, 9).ShouldBe([double.NaN, double.NaN, 1, 1, 2, 2]);
    }

    [Fact]
    public void Bollinger_bands_use_the_population_standard_deviation()
    {
        var bands = new BollingerBands(4, 2);
        foreach (var v in new[] { 2.0, 4, 4, 6 })
            bands.Update(v);
        // mean 4, squared deviations 4+0+0+4 = 8, σ = √(8/4) = √2.
        bands.Middle.ShouldBe(4, 1e-15);
        bands.StandardDeviation.ShouldBe(Math.Sqrt(2), 1e-15);
        bands.Upper.ShouldBe(4 + 2 * Math.Sqrt(2), 1e-14);
        bands.PercentB.ShouldBe((6 - (4 - 2 * Math.Sqrt(2))) / (4 * Math.Sqrt(2)), 1e-14);
    }

    [Fact]
    public void Atr_starts_at_the_second_bar_and_smooths_true_ranges_the_wilder_way()
    {
        var atr = new AverageTrueRange(2);
        atr.Update(Bar(high: 11, low: 9, close: 10));
        atr.Update(Bar(high: 14, low: 12, close: 13)); // TR = max(2, |14-10|, |12-10|) = 4
        atr.IsReady.ShouldBeFalse();
        atr.Update(Bar(high: 13, low: 11, close: 12)); // TR = max(2, 0, 2) = 2 → seed (4+2)/2 = 3
        atr.Value.ShouldBe(3);
        atr.Update(Bar(high: 20, low: 19, close: 19)); // TR = 8 → 3 + (8 - 3)/2 = 5.5
        atr.Value.ShouldBe(5.5);
    }

    [Fact]
    public void Stochastic_k_locates_the_close_in_the_range_and_d_averages_it()
    {
        var stochastic = new Stochastic(2, 2);
        stochastic.Update(Bar(high: 10, low: 8, close: 9));
        stochastic.IsKReady.ShouldBeFalse();
        stochastic.Update(Bar(high: 12, low: 9, close: 11)); // range 8..12 → 75
        stochastic.K.ShouldBe(75);
        stochastic.Update(Bar(high: 12, low: 10, close: 10)); // range 9..12 → 100/3
        stochastic.K.ShouldBe(100.0 / 3, 1e-12);
        stochastic.D.ShouldBe((75 + 100.0 / 3) / 2, 1e-12);
    }

    [Fact]
    public void Stochastic_k_is_zero_when_the_range_is_flat()
    {
        var stochastic = new Stochastic(2, 1);
        stochastic.Update(Bar(5, 5, 5));
        stochastic.Update(Bar(5, 5, 5));
        stochastic.K.ShouldBe(0);
    }

    [Fact]
    public void Macd_line_is_fast_minus_slow_and_histogram_line_minus_signal()
    {
        var macd = new Macd(new MacdOptions(2, 3, 2, MovingAverageKind.Simple, MovingAverageKind.Simple));
        foreach (var v in new[] { 1.0, 2, 3 })
            macd.Update(v);
        macd.IsLineReady.ShouldBeTrue();
        macd.Line.ShouldBe(2.5 - 2);
        macd.IsReady.ShouldBeFalse();
        macd.Update(7); // fast (3+7)/2 = 5, slow 4 → line 1; signal (0.5+1)/2 = 0.75
        macd.Signal.ShouldBe(0.75);
        macd.Histogram.ShouldBe(0.25);
    }

    [Fact]
    public void Macd_rejects_a_fast_period_not_below_the_slow_one()
    {
        Should.Throw<ArgumentException>(() => new Macd(new MacdOptions(26, 26, 9)));
    }

    [Fact]
    public void Volume_average_reads_the_bar_volume()
    {
        var average = new VolumeAverage(2);
        average.Update(Bar(2, 1, 1, volume: 100));
        average.Update(Bar(2, 1, 1, volume: 300));
        average.Value.ShouldBe(200);
    }

    [Fact]
    public void A_period_below_one_is_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new SimpleMovingAverage(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingHighest(-1));
    }

    [Fact]
    public void Bollinger_bands_collapse_exactly_on_a_flat_window_after_a_volatile_one()
    {
        var bands = new BollingerBands(3, 2);
        foreach (var v in new[] { 1e6, 0.3, 2e5, 0.09, 0.09, 0.09 })
            bands.Update(v);
        bands.StandardDeviation.ShouldBe(0);
        bands.Middle.ShouldBe(0.09);
        bands.PercentB.ShouldBe(double.NaN);
    }
}
