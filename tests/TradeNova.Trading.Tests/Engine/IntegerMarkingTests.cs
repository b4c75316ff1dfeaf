using TradeNova.Trading.Broker;
using TradeNova.Trading.Costs;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Tests.Engine;

/// <summary>The engine marks positions in scaled 64-bit integers and falls back to decimal arithmetic when a value does
/// not fit. Each curve value must be the decimal <c>cash + quantity × close</c> would give, value and scale, on both
/// paths: these runs are replayed from their own fills in plain decimal arithmetic and compared bit for bit.</summary>
public class IntegerMarkingTests
{
    private static readonly BarSeries Sp500 = BundledMarketData.Sp500();

    [Fact]
    public void Whole_shares_are_marked_exactly()
    {
        AssertCurveIsTheDecimalReplay(Sp500, Run(Sp500, 100_000m, fractional: false));
    }

    [Fact]
    public void Fractional_shares_are_marked_exactly()
    {
        var result = Run(Sp500, 100_000m, fractional: true);

        result.Fills.ShouldContain(f => f.Quantity != decimal.Floor(f.Quantity));
        AssertCurveIsTheDecimalReplay(Sp500, result);
    }

    [Fact]
    public void A_position_whose_value_outgrows_64_bits_falls_back_to_decimal_marking()
    {
        // 10^13 cash buys about 7·10^9 shares; × a close mantissa of about 1.4·10^9 (six decimals) is past 2^63.
        var result = Run(Sp500, 10_000_000_000_000m, fractional: false);

        result.Fills[0].Quantity.ShouldBeGreaterThan(1_000_000_000m);
        AssertCurveIsTheDecimalReplay(Sp500, result);
    }

    [Fact]
    public void Cash_whose_mantissa_outgrows_64_bits_falls_back_to_decimal_marking()
    {
        AssertCurveIsTheDecimalReplay(Sp500, Run(Sp500, 100_000_000_000_000_000_000m, fractional: true));
    }

    [Fact]
    public void Closes_of_mixed_scale_keep_the_scale_decimal_arithmetic_gives()
    {
        // Closes written with 0 to 4 decimals: the curve's scale follows each close, as decimal addition's does.
        var series = new BarSeries("SPX", Sp500.Bars.Take(400).Select((b, i) => b with { Close = decimal.Round(b.Close, i % 5) }).ToArray());

        AssertCurveIsTheDecimalReplay(series, Run(series, 100_000m, fractional: true));
    }

    [Fact]
    public void Affordable_quantity_without_commission_in_whole_shares_is_the_general_search()
    {
        var random = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            var cash = decimal.Round((decimal)(random.NextDouble() * 1e8), random.Next(0, 7));
            var price = decimal.Round((decimal)(random.NextDouble() * 5e3) + 0.01m, random.Next(2, 7));
            var expected = AffordableQuantity.Compute(cash, price, new PerShareCommission(0m), 1m);
            var actual = AffordableQuantity.Compute(cash, price, ZeroCommission.Instance, 1m);
            decimal.GetBits(actual).ShouldBe(decimal.GetBits(expected), $"{cash} / {price}");
        }

        // An increment of 1.0 (scale 1) is not the shortcut's 1: the result keeps the scale the general path gives.
        decimal.GetBits(AffordableQuantity.Compute(1_000m, 99m, ZeroCommission.Instance, 1.0m))
            .ShouldBe(decimal.GetBits(AffordableQuantity.Compute(1_000m, 99m, new PerShareCommission(0m), 1.0m)));
    }

    [Fact]
    public void Whole_quotient_in_integers_has_the_bits_of_the_decimal_floor()
    {
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            var numerator = decimal.Round((decimal)(random.NextDouble() * 1e9), random.Next(0, 7));
            var denominator = decimal.Round((decimal)(random.NextDouble() * 5e3) + 0.000001m, random.Next(0, 9));
            decimal.GetBits(WholeQuotient.Floor(numerator, denominator))
                .ShouldBe(decimal.GetBits(decimal.Floor(numerator / denominator)), $"{numerator} / {denominator}");
        }
    }

    private static BacktestResult Run(BarSeries series, decimal cash, bool fractional) =>
        new BacktestEngine(new BacktestOptions { InitialCash = cash, Risk = RiskLimits.None, AllowFractionalShares = fractional })
            .Run(new SmaCrossoverStrategy(new SmaCrossoverParameters(series.Symbol, 10, 30)), [series]);

    /// <summary>Replays the run's fills over its single daily series in decimal arithmetic, as the engine did before it
    /// marked in integers: equity = cash, plus quantity × close while a position is held.</summary>
    private static void AssertCurveIsTheDecimalReplay(BarSeries data, BacktestResult result)
    {
        var series = result.EquityCurve;
        var fills = result.Fills;
        var cash = result.InitialCash;
        var quantity = 0m;
        var next = 0;
        result.Fills.Count.ShouldBeGreaterThan(10);
        var bars = data.Bars;
        series.Count.ShouldBe(bars.Length);
        for (var i = 0; i < bars.Length; i++)
        {
            while (next < fills.Count && fills[next].Time == bars[i].Time)
            {
                var fill = fills[next++];
                var notional = fill.Quantity * fill.Price;
                cash += fill.Side == OrderSide.Buy ? -notional : notional;
                quantity += fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
            }

            var equity = cash;
            if (quantity != 0m)
            {
                equity += quantity * bars[i].Close;
            }

            decimal.GetBits(series[i].Equity).ShouldBe(decimal.GetBits(equity), $"day {i} ({bars[i].Time:yyyy-MM-dd}): {series[i].Equity} vs {equity}");
        }

        decimal.GetBits(result.FinalEquity).ShouldBe(decimal.GetBits(series[^1].Equity));
    }
}
