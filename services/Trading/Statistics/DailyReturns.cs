using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>Close-to-close simple returns, r_i = E_i / E_(i-1) - 1, in <see cref="double"/> (ratios, not money).
/// A step whose previous value is not positive has no defined return and is skipped.</summary>
internal static class DailyReturns
{
    public static double[] Of(IReadOnlyList<EquityPoint> points) => CurveScan.Of(points).Returns;

    /// <summary>Sample (n - 1) standard deviation, two-pass for accuracy.</summary>
    public static double SampleStandardDeviation(ReadOnlySpan<double> values, double mean)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / (values.Length - 1));
    }
}
