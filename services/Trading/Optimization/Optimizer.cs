using TradeNova.Trading.Engine;

namespace TradeNova.Trading.Optimization;

/// <summary>Evaluates parameter sets in parallel over one shared data set and ranks them by the objective among
/// those that meet the constraints. The result does not depend on the degree of parallelism or on thread timing: each
/// set's evaluation is independent and the ranking breaks ties by search order.
/// With <see cref="OptimizationSettings.DetailedTop"/> set, an evaluator that can screen sets exactly
/// (<see cref="CatalogStrategyEvaluator"/> for the SMA crossover) and an objective and constraints the screen knows
/// (total return, CAGR), the sets are screened first, then the engine runs the best ones until the top
/// <see cref="OptimizationSettings.DetailedTop"/> of the ranking all carry their reports: screen, then confirm. Scores,
/// feasibility and ranking are those of running every set through the engine.</summary>
public static class Optimizer
{
    /// <param name="progress">Receives the number of sets evaluated so far (from worker threads, in no strict order).</param>
    public static OptimizationResult Run(
        IReadOnlyList<ParameterSet> sets,
        MarketDataSet data,
        EvaluateParameterSet evaluate,
        OptimizationSettings settings,
        Action<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DetailedTop is < 1)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.DetailedTop, "DetailedTop must be at least 1 (or null for every set).");

        var evaluations = new ParameterSetEvaluation[sets.Count];
        var done = Screen(sets, data, evaluate, settings, evaluations, cancellationToken);
        if (done > 0)
            progress?.Invoke(done);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, sets.Count, parallel, i =>
        {
            if (evaluations[i] is not null)
                return;
            evaluations[i] = Evaluate(i, sets[i], data, evaluate, settings);
            var count = Interlocked.Increment(ref done);
            progress?.Invoke(count);
        });

        var ranked = Rank(evaluations);
        // Confirm: the engine runs every screened set in the detailed top. The screen is exact, so one round suffices;
        // the loop only guarantees that no set in the top is left without its report whatever the screen said.
        while (settings.DetailedTop is { } top && ranked.Take(top).Where(e => e.Screened).ToArray() is { Length: > 0 } unconfirmed)
        {
            Parallel.ForEach(unconfirmed, parallel, e => evaluations[e.Index] = Evaluate(e.Index, sets[e.Index], data, evaluate, settings));
            ranked = Rank(evaluations);
        }

        return new OptimizationResult(settings.Objective, evaluations, ranked);
    }

    public static ParameterSetEvaluation Evaluate(int index, ParameterSet set, MarketDataSet data, EvaluateParameterSet evaluate, OptimizationSettings settings)
    {
        var outcome = evaluate(set, data);
        if (outcome.Report is not { } report)
            return new ParameterSetEvaluation(index, set, null, outcome.Error ?? "The set did not run.", null, false);

        var score = PerformanceMetrics.Score(report, settings.Objective);
        var feasible = settings.Constraints.All(c => c.IsSatisfiedBy(report));
        return new ParameterSetEvaluation(index, set, report, null, score, feasible);
    }

    public static IReadOnlyList<ParameterSetEvaluation> Rank(IEnumerable<ParameterSetEvaluation> evaluations) =>
        evaluations
            .Where(e => e.Feasible && e.Score is not null)
            .OrderByDescending(e => e.Score!.Value)
            .ThenBy(e => e.Index)
            .ToArray();

    /// <summary>Fills the evaluations of the sets the evaluator screens (no report, <see cref="ParameterSetEvaluation.Screened"/>)
    /// and returns how many; 0 when screening does not apply.</summary>
    private static int Screen(
        IReadOnlyList<ParameterSet> sets,
        MarketDataSet data,
        EvaluateParameterSet evaluate,
        OptimizationSettings settings,
        ParameterSetEvaluation[] evaluations,
        CancellationToken cancellationToken)
    {
        var objective = PerformanceMetrics.ToMetric(settings.Objective);
        if (settings.DetailedTop is null
            || evaluate.Target is not IParameterScreen screen
            || !ScreenedFigures.Covers(objective)
            || !settings.Constraints.All(c => ScreenedFigures.Covers(c.Metric))
            || screen.Screen(sets, data, settings.MaxDegreeOfParallelism, cancellationToken) is not { } figures)
            return 0;

        var screened = 0;
        for (var i = 0; i < sets.Count; i++)
        {
            if (figures[i] is not { } known)
                continue;
            var feasible = settings.Constraints.All(c => c.IsSatisfiedBy(known.Value(c.Metric)));
            evaluations[i] = new ParameterSetEvaluation(i, sets[i], null, null, known.Value(objective), feasible, Screened: true);
            screened++;
        }

        return screened;
    }
}
