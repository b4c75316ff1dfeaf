namespace TradeNova.Trading.Optimization;

/// <summary>What a search maximises and what it requires.</summary>
/// <param name="MaxDegreeOfParallelism">Parameter sets evaluated at once; -1 uses every core.</param>
/// <param name="DetailedTop">How many of the best-ranked sets the caller reads in detail. Null (the default): every set
/// runs through the engine and carries its performance report. A number (at least 1) lets the optimiser rank the sets
/// by an exact shortcut where one exists for the evaluator, objective and constraints (an SMA crossover ranked on total
/// return or CAGR, see <see cref="CatalogStrategyEvaluator"/>) and run the engine only on that many best sets: every
/// set keeps the score and feasibility the engine gives it, the best <paramref name="DetailedTop"/> their reports, the
/// others none (<see cref="ParameterSetEvaluation.Screened"/>).</param>
public sealed record OptimizationSettings(
    OptimizationObjective Objective,
    IReadOnlyList<OptimizationConstraint> Constraints,
    int MaxDegreeOfParallelism = -1,
    int? DetailedTop = null);
