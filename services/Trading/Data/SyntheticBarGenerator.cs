using System.Globalization;

namespace TradeNova.Trading.Data;

/// <summary>Generates seeded synthetic daily bars for symbols without data. Output is always flagged
/// <see cref="BarSeries.IsSynthetic"/> and its <see cref="BarSeries.Source"/> names the seed and every parameter, so a
/// result built on it can never pass for real history. Each bar: the open is the previous close, moved by a normal gap
/// with probability <see cref="SyntheticSeriesSpec.GapProbability"/>; the close follows GBM from the open
/// (log return (μ − σ²/2)/252 + σ/√252 · Z); high and low extend beyond open and close by half a daily σ times |Z|.
/// Prices are rounded to cents. Every bar draws the same number of random numbers, so changing one parameter does not
/// shift the random stream of the others.</summary>
/// <remarks>Deterministic for a given seed on a given runtime: <see cref="Random"/> with a seed has a fixed algorithm,
/// and rounding to cents absorbs last-bit differences of Math.Exp between platforms in all but pathological cases.</remarks>
public static class SyntheticBarGenerator
{
    private const double TradingDaysPerYear = 252.0;

    /// <summary><paramref name="count"/> bars on consecutive weekdays (Monday to Friday) from <paramref name="start"/>
    /// (moved to the next weekday if it falls on a weekend).</summary>
    public static BarSeries Generate(SyntheticSeriesSpec spec, DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var times = new DateTimeOffset[count];
        var day = start;
        for (var i = 0; i < count; i++)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            times[i] = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            day = day.AddDays(1);
        }

        return Generate(spec, times);
    }

    /// <summary>Bars at the given times (strictly increasing), for example aligned on a real series' trading days.</summary>
    public static BarSeries Generate(SyntheticSeriesSpec spec, IReadOnlyList<DateTimeOffset> times)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Symbol);
        if (spec.StartPrice <= 0m || spec.AnnualVolatility < 0 || spec.GapProbability is < 0 or > 1 || spec.GapVolatility < 0)
        {
            throw new ArgumentException("Start price must be positive, volatilities non-negative and the gap probability within [0, 1].", nameof(spec));
        }

        var random = new Random(spec.Seed);
        var dailyVol = spec.AnnualVolatility / Math.Sqrt(TradingDaysPerYear);
        var dailyDrift = (spec.AnnualDrift - spec.AnnualVolatility * spec.AnnualVolatility / 2) / TradingDaysPerYear;
        var bars = new Bar[times.Count];
        var previousClose = (double)spec.StartPrice;
        for (var i = 0; i < bars.Length; i++)
        {
            if (i > 0 && times[i] <= times[i - 1])
            {
                throw new ArgumentException("Times must be strictly increasing.", nameof(times));
            }

            var gapDraw = random.NextDouble();
            var gap = Normal(random) * spec.GapVolatility;
            var move = dailyDrift + dailyVol * Normal(random);
            var upper = Math.Abs(Normal(random)) * dailyVol / 2;
            var lower = Math.Abs(Normal(random)) * dailyVol / 2;
            var volumeNoise = Normal(random);

            var openValue = i == 0 ? previousClose : previousClose * (gapDraw < spec.GapProbability ? Math.Exp(gap) : 1.0);
            var closeValue = openValue * Math.Exp(move);
            var open = Cents(openValue);
            var close = Cents(closeValue);
            var high = Math.Max(Cents(Math.Max(openValue, closeValue) * Math.Exp(upper)), Math.Max(open, close));
            var low = Math.Min(Cents(Math.Min(openValue, closeValue) * Math.Exp(-lower)), Math.Min(open, close));
            var volume = decimal.Round(spec.BaseVolume * (decimal)Math.Exp(0.3 * volumeNoise), 0, MidpointRounding.AwayFromZero);
            bars[i] = new Bar(times[i], open, high, low, close, volume);
            previousClose = (double)close;
        }

        return new BarSeries(spec.Symbol, bars, IsSynthetic: true, Source: Describe(spec));
    }

    private static string Describe(SyntheticSeriesSpec spec) => string.Create(CultureInfo.InvariantCulture,
        $"synthetic seed={spec.Seed} start={spec.StartPrice} drift={spec.AnnualDrift} vol={spec.AnnualVolatility} gapP={spec.GapProbability} gapVol={spec.GapVolatility} volume={spec.BaseVolume}");

    /// <summary>Standard normal by Box–Muller from two uniforms (1 − u keeps the logarithm finite).</summary>
    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Rounds to cents, never below one cent, so a long decline cannot produce a zero or negative price.</summary>
    private static decimal Cents(double value) =>
        Math.Max(0.01m, decimal.Round((decimal)value, 2, MidpointRounding.AwayFromZero));
}
