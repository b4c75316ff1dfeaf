using System.Numerics;
using TradeNova.Trading.Indicators;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>A simple moving average of prices is the correctly rounded mean of its window, whatever came before it: a
/// flat window gives back its price, so <c>close &gt;= sma</c> holds and two averages do not cross on flat prices.</summary>
public sealed class ExactAverageTests
{
    private static double[] RandomWalk(int count, int seed, double start = 66.21)
    {
        var random = new Random(seed);
        var values = new double[count];
        var price = start;
        for (var i = 0; i < count; i++)
        {
            price = Math.Max(0.01, price * (1 + (random.NextDouble() - 0.5) * 0.02));
            values[i] = Math.Round(price, 2);
        }
        return values;
    }

    [Theory]
    [InlineData(2, 66.21)]
    [InlineData(3, 66.21)]
    [InlineData(7, 0.1)]
    [InlineData(20, 66.2)]
    [InlineData(200, 1234.5678)]
    [InlineData(200, 512_345.67)]
    [InlineData(2_000, 4_000_000.01)]
    public void A_flat_window_after_any_history_averages_to_its_price_exactly(int period, double price)
    {
        var sma = new SimpleMovingAverage(period);
        foreach (var value in RandomWalk(5_000, period, price))
            sma.Update(value);

        for (var i = 0; i < period; i++)
            sma.Update(price);

        sma.Value.ShouldBe(price);
        (price >= sma.Value).ShouldBeTrue();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(30)]
    public void Every_average_of_prices_is_the_double_nearest_the_exact_mean(int period)
    {
        var values = RandomWalk(20_000, period + 100);
        var sma = new SimpleMovingAverage(period);
        for (var i = 0; i < values.Length; i++)
        {
            sma.Update(values[i]);
            if (i < period - 1)
                continue;
            var sum = values.AsSpan(i - period + 1, period).ToArray().Sum(v => (decimal)v);
            IsNearest(sma.Value, Rational.Of(sum) / period).ShouldBeTrue($"bar {i}: {sma.Value} for {sum}/{period}");
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(50)]
    public void A_weighted_average_of_prices_is_the_double_nearest_the_exact_one_and_flat_prices_read_back(int period)
    {
        var values = RandomWalk(20_000, period + 200).Concat(Enumerable.Repeat(66.21, period)).ToArray();
        var wma = new WeightedMovingAverage(period);
        var denominator = period * (period + 1) / 2;
        for (var i = 0; i < values.Length; i++)
        {
            wma.Update(values[i]);
            if (i < period - 1 || (i % 13 != 0 && i != values.Length - 1))
                continue;
            var numerator = values.AsSpan(i - period + 1, period).ToArray().Select((v, k) => (decimal)v * (k + 1)).Sum();
            IsNearest(wma.Value, Rational.Of(numerator) / denominator).ShouldBeTrue($"bar {i}");
        }

        wma.Value.ShouldBe(66.21);
        wma.Update(100 / 3.0);
        wma.Value.ShouldBe((66.21 * (period - 1) * period / 2 + 100 / 3.0 * period) / denominator, 1e-9);
    }

    [Fact]
    public void A_window_holding_a_value_that_is_not_a_price_averages_in_floating_point_then_exactly_again()
    {
        var sma = new SimpleMovingAverage(3);
        foreach (var value in RandomWalk(1_000, 7))
            sma.Update(value);

        sma.Update(66.21);
        sma.Update(100 / 3.0);
        sma.Update(66.21);
        sma.Value.ShouldBe((66.21 + 100 / 3.0 + 66.21) / 3, 1e-12);

        sma.Update(66.21);
        sma.Update(66.21);
        sma.Value.ShouldBe(66.21);
    }

    [Fact]
    public void Values_beyond_the_exact_range_still_average()
    {
        var sma = new SimpleMovingAverage(2);
        sma.Update(3e9);
        sma.Update(5e9);
        sma.Value.ShouldBe(4e9, "a day's volume is a whole number of ticks");
        sma.Update(3e12);
        sma.Value.ShouldBe(1.5025e12, "3·10^20 ticks could overflow: summed in floating point");
        sma.Update(5e12);
        sma.Value.ShouldBe(4e12);
        sma.Update(double.NaN);
        double.IsNaN(sma.Value).ShouldBeTrue();
    }

    /// <summary>30 million with cents is 3·10^15 ticks: exact in one average of 3, but 2,000 of them could overflow a
    /// 64-bit sum, so that average takes the floating-point sum, in the column as in the indicator.</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(2_000)]
    public void A_column_of_large_prices_is_the_indicator_bit_for_bit(int period)
    {
        var values = RandomWalk(6_000, period, start: 30_000_000.01);
        var column = new double[values.Length];
        var incremental = new SimpleMovingAverage(period);

        MovingAverageColumn.Compute(values, period, column);

        for (var i = 0; i < values.Length; i++)
        {
            incremental.Update(values[i]);
            BitConverter.DoubleToInt64Bits(column[i]).ShouldBe(BitConverter.DoubleToInt64Bits(incremental.Value), $"bar {i}");
        }
    }

    [Fact]
    public void Two_averages_of_flat_prices_do_not_cross()
    {
        var closes = RandomWalk(3_000, 11).Concat(Enumerable.Repeat(66.21, 400)).ToArray();

        var signals = CrossSignals.OfMovingAverages(closes, 3, 7);

        signals.AsSpan(3_000 + 7).ToArray().ShouldAllBe(signal => signal == 0);
    }

    /// <summary>No double lies strictly closer to <paramref name="exact"/> than <paramref name="value"/>.</summary>
    private static bool IsNearest(double value, Rational exact)
    {
        var distance = (Rational.Of(value) - exact).Abs();
        return distance <= (Rational.Of(Math.BitDecrement(value)) - exact).Abs()
            && distance <= (Rational.Of(Math.BitIncrement(value)) - exact).Abs();
    }

    /// <summary>Exact fractions, to check doubles against without rounding.</summary>
    private readonly record struct Rational(BigInteger Numerator, BigInteger Denominator)
    {
        public static Rational Of(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            var exponent = (int)((bits >> 52) & 0x7FF);
            var mantissa = bits & 0xF_FFFF_FFFF_FFFF;
            if (exponent == 0)
                exponent++;
            else
                mantissa |= 1L << 52;
            exponent -= 1075;
            var numerator = new BigInteger(bits < 0 ? -mantissa : mantissa);
            return exponent >= 0
                ? new Rational(numerator << exponent, BigInteger.One)
                : new Rational(numerator, BigInteger.One << -exponent);
        }

        public static Rational Of(decimal value)
        {
            var bits = decimal.GetBits(value);
            var magnitude = (new BigInteger((uint)bits[2]) << 64) + (new BigInteger((uint)bits[1]) << 32) + (uint)bits[0];
            var scale = (bits[3] >> 16) & 0xFF;
            return new Rational(bits[3] < 0 ? -magnitude : magnitude, BigInteger.Pow(10, scale));
        }

        public static Rational operator -(Rational a, Rational b) =>
            new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

        public static Rational operator /(Rational a, int n) => new(a.Numerator, a.Denominator * n);

        public static bool operator <=(Rational a, Rational b) => a.Numerator * b.Denominator <= b.Numerator * a.Denominator;

        public static bool operator >=(Rational a, Rational b) => b <= a;

        public Rational Abs() => new(BigInteger.Abs(Numerator), Denominator);
    }
}
