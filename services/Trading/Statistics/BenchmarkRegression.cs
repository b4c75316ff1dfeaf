using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>Alpha and beta of the strategy's daily returns against a benchmark's. Both series are first reduced to the
/// dates they share (exact timestamp match), then turned into close-to-close returns, so a missing day in either
/// series makes one longer return in both rather than misaligned pairs.</summary>
internal static class BenchmarkRegression
{
    public static (double? Alpha, double? Beta) Fit(IReadOnlyList<EquityPoint> equity, IReadOnlyList<EquityPoint>? benchmark)
    {
        if (benchmark is null || benchmark.Count == 0)
            return (null, null);

        var benchmarkByTime = new Dictionary<DateTimeOffset, decimal>(benchmark.Count);
        foreach (var point in benchmark)
            benchmarkByTime[point.Time] = point.Equity;

        var alignedEquity = new List<EquityPoint>(equity.Count);
        var alignedBenchmark = new List<EquityPoint>(equity.Count);
        foreach (var point in equity)
        {
            if (benchmarkByTime.TryGetValue(point.Time, out var value))
            {
                alignedEquity.Add(point);
                alignedBenchmark.Add(new EquityPoint(point.Time, value));
            }
        }

        var pairs = PairedReturns(alignedEquity, alignedBenchmark);
        if (pairs.Count < 2)
            return (null, null);

        var meanP = 0.0;
        var meanB = 0.0;
        foreach (var (p, b) in pairs)
        {
            meanP += p;
            meanB += b;
        }
        meanP /= pairs.Count;
        meanB /= pairs.Count;

        var covariance = 0.0;
        var variance = 0.0;
        foreach (var (p, b) in pairs)
        {
            covariance += (p - meanP) * (b - meanB);
            variance += (b - meanB) * (b - meanB);
        }
        if (variance == 0)
            return (null, null);

        var beta = covariance / variance;
        var alpha = (meanP - beta * meanB) * PerformanceStatistics.TradingDaysPerYear;
        return (alpha, beta);
    }

    private static List<(double Portfolio, double Benchmark)> PairedReturns(List<EquityPoint> equity, List<EquityPoint> benchmark)
    {
        var pairs = new List<(double, double)>(equity.Count);
        for (var i = 1; i < equity.Count; i++)
        {
            var previousP = (double)equity[i - 1].Equity;
            var previousB = (double)benchmark[i - 1].Equity;
            if (previousP > 0 && previousB > 0)
                pairs.Add(((double)equity[i].Equity / previousP - 1.0, (double)benchmark[i].Equity / previousB - 1.0));
        }
        return pairs;
    }
}
