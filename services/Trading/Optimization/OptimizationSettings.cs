namespace TradeNova.Trading.Optimization;

/// <summary>What a search maximises and what it requires.</summary>
/// <param name="MaxDegreeOfParallelism">Parameter sets evaluated at once; -1 uses every core.</param>
public sealed record OptimizationSettings(
    OptimizationObjective Objective,
    IReadOnlyList<OptimizationConstraint> Constraints,
    int MaxDegreeOfParallelism = -1);
