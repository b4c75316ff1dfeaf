using TradeNova.Benchmarks;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Tests.Engine;

/// <summary>The benchmarks state the engine's speed as a ratio to a hand-written floor loop; the ratio means something
/// only if the floor does the same work and gets the same answer. These tests hold it to the engine bit for bit.</summary>
public class FloorLoopTests
{
    private static readonly BarSeries Sp500 = BundledMarketData.Sp500();

    [Fact]
    public void Floor_loop_reproduces_the_engines_sma_crossover_fills_final_equity_and_every_curve_value_bit_for_bit()
    {
        var engine = new BacktestEngine(new BacktestOptions { Risk = RiskLimits.None, ComputeStatistics = false })
            .Run(new SmaCrossoverStrategy(new SmaCrossoverParameters(BundledMarketData.Sp500Symbol, 10, 30)), [Sp500]);
        var prepared = new FloorLoop.Prepared(Sp500);
        var curve = new decimal[prepared.Length];
        var fills = new FloorLoop.FloorFill[prepared.Length];

        var (finalEquity, fillCount) = FloorLoop.Run(prepared, 10, 30, 100_000m, curve, fills);

        fillCount.ShouldBe(175);
        engine.Fills.Count.ShouldBe(175);
        finalEquity.ShouldBe(164_421.015164m);
        Bits(finalEquity).ShouldBe(Bits(engine.FinalEquity));
        for (var i = 0; i < fillCount; i++)
        {
            var expected = engine.Fills[i];
            var actual = fills[i];
            Sp500.Bars[actual.BarIndex].Time.ShouldBe(expected.Time, $"fill {i}");
            actual.IsBuy.ShouldBe(expected.Side == OrderSide.Buy, $"fill {i}");
            Bits(actual.Quantity).ShouldBe(Bits(expected.Quantity), $"fill {i}");
            Bits(actual.Price).ShouldBe(Bits(expected.Price), $"fill {i}");
        }

        engine.EquityCurve.Count.ShouldBe(curve.Length);
        for (var i = 0; i < curve.Length; i++)
        {
            Bits(curve[i]).ShouldBe(Bits(engine.EquityCurve[i].Equity), $"curve point {i} ({engine.EquityCurve[i].Time:yyyy-MM-dd})");
        }
    }

    [Theory]
    [InlineData(5, 20)]
    [InlineData(20, 100)]
    [InlineData(50, 200)]
    public void Floor_loop_without_a_curve_ends_at_the_engines_final_equity(int fast, int slow)
    {
        var engine = new BacktestEngine(new BacktestOptions { Risk = RiskLimits.None, ComputeStatistics = false })
            .Run(new SmaCrossoverStrategy(new SmaCrossoverParameters(BundledMarketData.Sp500Symbol, fast, slow)), [Sp500]);

        var (finalEquity, fillCount) = FloorLoop.Run(new FloorLoop.Prepared(Sp500), fast, slow, 100_000m, null, null);

        fillCount.ShouldBe(engine.Fills.Count);
        Bits(finalEquity).ShouldBe(Bits(engine.FinalEquity));
    }

    private static int[] Bits(decimal value) => decimal.GetBits(value);
}
