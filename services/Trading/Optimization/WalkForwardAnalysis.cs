using TradeNova.Trading.Engine;

namespace TradeNova.Trading.Optimization;

/// <summary>Rolling walk-forward analysis. Each window optimises on its in-sample bars and runs the winner on the
/// following out-of-sample bars, which start flat with fresh indicators (they warm up inside the window, so nothing
/// from the in-sample period leaks into the test).</summary>
public static class WalkForwardAnalysis
{
    /// <param name="progress">Receives (sets evaluated so far, total sets) across all windows.</param>
    public static WalkForwardResult Run(
        MarketDataSet data,
        IReadOnlyList<ParameterSet> sets,
        EvaluateParameterSet evaluate,
        OptimizationSettings settings,
        IReadOnlyList<WalkForwardWindow> windows,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var total = windows.Count * (sets.Count + 1);
        var done = 0;
        var results = new List<WalkForwardWindowResult>(windows.Count);
        foreach (var window in windows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inSample = WalkForwardPlan.Slice(data, window.InSampleStart, window.InSampleEnd);
            var offset = done;
            var optimised = Optimizer.Run(sets, inSample, evaluate, settings, count => progress?.Invoke(offset + count, total), cancellationToken);
            done += sets.Count;
            if (optimised.Best is not { } best)
            {
                results.Add(new WalkForwardWindowResult(window, null, null, null));
                progress?.Invoke(++done, total);
                continue;
            }

            var outOfSample = WalkForwardPlan.Slice(data, window.OutOfSampleStart, window.OutOfSampleEnd);
            var tested = evaluate(best.Parameters, outOfSample);
            var score = tested.Report is { } report ? PerformanceMetrics.Score(report, settings.Objective) : null;
            results.Add(new WalkForwardWindowResult(window, best, tested.Report, score));
            progress?.Invoke(++done, total);
        }

        return new WalkForwardResult(settings.Objective, results, Efficiency(results), CompoundedOutOfSample(results));
    }

    private static double? Efficiency(IReadOnlyList<WalkForwardWindowResult> windows)
    {
        var tested = windows.Where(w => w.Best?.Report?.Cagr is not null && w.OutOfSample?.Cagr is not null).ToArray();
        if (tested.Length == 0)
            return null;
        var inSample = tested.Average(w => w.Best!.Report!.Cagr!.Value);
        var outOfSample = tested.Average(w => w.OutOfSample!.Cagr!.Value);
        return inSample > 0 ? outOfSample / inSample : null;
    }

    private static double CompoundedOutOfSample(IReadOnlyList<WalkForwardWindowResult> windows) =>
        windows.Where(w => w.OutOfSample is not null).Aggregate(1.0, (growth, w) => growth * (1 + w.OutOfSample!.TotalReturn)) - 1;
}
