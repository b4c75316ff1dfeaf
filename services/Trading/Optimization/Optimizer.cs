using TradeNova.Trading.Engine;

namespace TradeNova.Trading.Optimization;

/// <summary>Evaluates parameter sets in parallel over one shared data set and ranks them by the objective among
/// those that meet the constraints. The result does not depend on the degree of parallelism or on thread timing: each
/// set's evaluation is independent and the ranking breaks ties by search order.</summary>
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

        var evaluations = new ParameterSetEvaluation[sets.Count];
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, sets.Count, parallel, i =>
        {
            evaluations[i] = Evaluate(i, sets[i], data, evaluate, settings);
            var count = Interlocked.Increment(ref done);
            progress?.Invoke(count);
        });

        return new OptimizationResult(settings.Objective, evaluations, Rank(evaluations));
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
}
