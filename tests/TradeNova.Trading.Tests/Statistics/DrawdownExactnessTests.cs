using TradeNova.Trading.Results;
using TradeNova.Trading.Statistics;

namespace TradeNova.Trading.Tests.Statistics;

/// <summary>The drawdown scan compares and divides in doubles where they cannot disagree with the decimals; it must give
/// what the all-decimal scan gives, including on ties and on values a double cannot tell apart.</summary>
public class DrawdownExactnessTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Drawdown_equals_the_all_decimal_scan_on_random_curves_with_ties_and_near_ties(int seed)
    {
        var random = new Random(seed);
        for (var curve = 0; curve < 200; curve++)
        {
            var points = new List<EquityPoint>();
            var value = 100_000.000001m;
            var time = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < 300; i++)
            {
                value = random.Next(6) switch
                {
                    0 => value,                                   // a tie with the previous value
                    1 => value + 0.000000000000000001m,           // closer than a double can see
                    2 => value - 0.000000000000000001m,
                    3 => points.Count > 0 ? points.Max(p => p.Equity) : value, // back exactly at the peak
                    _ => decimal.Round(value * (1m + (decimal)((random.NextDouble() - 0.5) * 0.04)), random.Next(0, 8)),
                };
                points.Add(new EquityPoint(time.AddDays(i), value));
            }

            DrawdownProfile.Of(points).ShouldBe(AllDecimal(points), $"curve {curve}");
        }
    }

    [Fact]
    public void Drawdown_of_a_curve_through_zero_and_below_equals_the_all_decimal_scan()
    {
        var time = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        decimal[] values = [0m, 0m, -5m, 10m, 0.0000000000000000000001m, -10m, 10m, 10.0000000000000000001m, 3m, 2m];
        var points = values.Select((v, i) => new EquityPoint(time.AddDays(i), v)).ToList();

        DrawdownProfile.Of(points).ShouldBe(AllDecimal(points));
    }

    /// <summary>The scan as it was written before it used doubles.</summary>
    private static DrawdownProfile AllDecimal(IReadOnlyList<EquityPoint> points)
    {
        var peak = points[0].Equity;
        var peakTime = points[0].Time;
        var underwater = false;
        var maxDrawdown = 0m;
        var longest = 0.0;
        foreach (var point in points)
        {
            if (point.Equity >= peak)
            {
                if (underwater)
                    longest = Math.Max(longest, (point.Time - peakTime).TotalDays);
                peak = point.Equity;
                peakTime = point.Time;
                underwater = false;
                continue;
            }

            underwater = true;
            if (peak > 0)
                maxDrawdown = Math.Max(maxDrawdown, (peak - point.Equity) / peak);
        }

        if (underwater)
            longest = Math.Max(longest, (points[^1].Time - peakTime).TotalDays);
        return new DrawdownProfile((double)maxDrawdown, longest);
    }
}
