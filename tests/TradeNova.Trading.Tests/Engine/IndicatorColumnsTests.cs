using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Indicators;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Tests.Engine;

/// <summary>Shared indicator columns must be the incremental indicators' values, bit for bit, and a run that reads them
/// must be the run that does not.</summary>
public class IndicatorColumnsTests
{
    private static readonly BarSeries Sp500 = BundledMarketData.Sp500();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(200)]
    [InlineData(1500)]
    public void A_simple_moving_average_column_is_the_incremental_indicator_bit_for_bit(int period)
    {
        var columns = new IndicatorColumns(new MarketDataSet([Sp500]));
        var incremental = new SimpleMovingAverage(period);

        var column = columns.SimpleMovingAverage(Sp500.Symbol, period);

        column.Count.ShouldBe(Sp500.Bars.Length);
        for (var i = 0; i < Sp500.Bars.Length; i++)
        {
            incremental.Update(Sp500.Bars[i]);
            BitConverter.DoubleToInt64Bits(column[i]).ShouldBe(BitConverter.DoubleToInt64Bits(incremental.Value), $"bar {i}");
        }
    }

    [Fact]
    public void Crossing_signals_from_one_pass_and_from_columns_are_the_bar_by_bar_indicators_crossings()
    {
        var data = new MarketDataSet([Sp500]);
        var columns = new IndicatorColumns(data);
        var closes = data.Closes[0];
        foreach (var (fast, slow) in new[] { (1, 2), (2, 3), (5, 20), (10, 30), (13, 1100), (50, 200), (199, 200) })
        {
            var expected = BarByBar(fast, slow);

            CrossSignals.OfMovingAverages(closes, fast, slow).ShouldBe(expected, $"one pass {fast}/{slow}");
            CrossSignals.OfColumns(columns.SimpleMovingAverage(0, fast), columns.SimpleMovingAverage(0, slow), slow)
                .ShouldBe(expected, $"columns {fast}/{slow}");
        }
    }

    /// <summary>What the strategy computes when it updates its indicators one bar at a time.</summary>
    private static sbyte[] BarByBar(int fastPeriod, int slowPeriod)
    {
        var fast = new SimpleMovingAverage(fastPeriod);
        var slow = new SimpleMovingAverage(slowPeriod);
        var cross = new CrossDetector();
        var signals = new sbyte[Sp500.Bars.Length];
        for (var i = 0; i < signals.Length; i++)
        {
            var close = (double)Sp500.Bars[i].Close;
            fast.Update(close);
            slow.Update(close);
            if (slow.IsReady)
                signals[i] = (sbyte)cross.Update(fast.Value, slow.Value);
        }

        signals.ShouldContain((sbyte)CrossDirection.Above);
        return signals;
    }

    /// <summary><paramref name="inexactEvery"/>: every so many values is not a whole number of 10^-8 ticks (a ratio, as
    /// Stochastic %K is), so the windows holding one are summed in floating point and the others in ticks; 1 makes
    /// every value such, 0 none.</summary>
    [Theory]
    [InlineData(1, 40_000, 0)]
    [InlineData(1, 40_000, 1)]
    [InlineData(7, 40_000, 1)]
    [InlineData(7, 40_000, 97)]
    [InlineData(500, 40_000, 1)]
    [InlineData(500, 40_000, 0)]
    [InlineData(50, 40_000, 997)]
    [InlineData(1024, 3_000, 1)]
    [InlineData(30, 29, 1)]
    [InlineData(30, 30, 0)]
    public void A_column_is_the_incremental_indicator_bit_for_bit_on_long_and_short_series(int period, int length, int inexactEvery)
    {
        var random = new Random(period + length);
        var values = Enumerable.Range(0, length)
            .Select(i => Math.Round(1_000 + random.NextDouble() * 3_000, 6) + (inexactEvery > 0 && i % inexactEvery == 0 ? 1 / 3.0 : 0))
            .ToArray();
        var incremental = new SimpleMovingAverage(period);
        var column = new double[length];

        MovingAverageColumn.Compute(values, period, column);

        for (var i = 0; i < length; i++)
        {
            incremental.Update(values[i]);
            BitConverter.DoubleToInt64Bits(column[i]).ShouldBe(BitConverter.DoubleToInt64Bits(incremental.Value), $"bar {i}");
        }
    }

    [Fact]
    public void A_column_is_computed_once_per_distinct_parameter()
    {
        var columns = new IndicatorColumns(new MarketDataSet([Sp500]));

        var first = columns.SimpleMovingAverage(Sp500.Symbol, 20);
        var again = columns.SimpleMovingAverage(Sp500.Symbol, 20);
        columns.SimpleMovingAverage(Sp500.Symbol, 50);

        again.ShouldBeSameAs(first);
        columns.Count.ShouldBe(2);
    }

    [Fact]
    public void A_run_reading_the_columns_is_the_run_without_them()
    {
        var data = new MarketDataSet([Sp500]);
        var columns = new IndicatorColumns(data);
        var engine = new BacktestEngine(new BacktestOptions { Risk = RiskLimits.None });

        var plain = engine.Run(new SmaCrossoverStrategy(new SmaCrossoverParameters(Sp500.Symbol, 7, 41)), data);
        var shared = engine.Run(new SmaCrossoverStrategy(new SmaCrossoverParameters(Sp500.Symbol, 7, 41)), data, columns);

        shared.Fills.ShouldBe(plain.Fills);
        shared.Trades.ShouldBe(plain.Trades);
        shared.EquityCurve.ShouldBe(plain.EquityCurve);
        shared.Statistics.ShouldBe(plain.Statistics);
        decimal.GetBits(shared.FinalEquity).ShouldBe(decimal.GetBits(plain.FinalEquity));
    }

    [Fact]
    public void Columns_of_another_data_set_are_refused()
    {
        var columns = new IndicatorColumns(new MarketDataSet([Sp500]));

        Should.Throw<ArgumentException>(() => new BacktestEngine().Run(
            new SmaCrossoverStrategy(new SmaCrossoverParameters(Sp500.Symbol, 5, 20)), new MarketDataSet([Sp500]), columns));
    }
}
