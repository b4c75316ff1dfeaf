using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>Close-to-close simple returns, r_i = E_i / E_(i-1) - 1, in <see cref="double"/> (ratios, not money).
/// A step whose previous value is not positive has no defined return and is skipped.</summary>
internal static class DailyReturns
{
    public static double[] Of(IReadOnlyList<EquityPoint> points) => Of(new EquityColumns(points));

    public static double[] Of(in EquityColumns curve)
    {
        var equity = curve.Doubles;
        var returns = new double[Math.Max(0, equity.Length - 1)];
        var count = 0;
        for (var i = 1; i < equity.Length; i++)
        {
            var previous = equity[i - 1];
            if (previous > 0)
                returns[count++] = equity[i] / previous - 1.0;
        }
        return count == returns.Length ? returns : returns[..count];
    }

    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum / values.Length;
    }

    /// <summary>Sample (n - 1) standard deviation, two-pass for accuracy.</summary>
    public static double SampleStandardDeviation(ReadOnlySpan<double> values, double mean)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / (values.Length - 1));
    }

    /// <summary>Downside deviation against a 0 target over all n returns: sqrt(Σ min(r, 0)² / n).</summary>
    public static double DownsideDeviation(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            if (v < 0)
                sum += v * v;
        }
        return Math.Sqrt(sum / values.Length);
    }
}
