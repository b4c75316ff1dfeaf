namespace TradeNova.Trading.Optimization;

/// <summary>Every evaluation of a search, in search order, and the ranking: feasible sets with a score, best first,
/// ties by search order.</summary>
public sealed record OptimizationResult(
    OptimizationObjective Objective,
    IReadOnlyList<ParameterSetEvaluation> Evaluations,
    IReadOnlyList<ParameterSetEvaluation> Ranked)
{
    /// <summary>The best feasible set, or null when no set met the constraints.</summary>
    public ParameterSetEvaluation? Best => Ranked.Count > 0 ? Ranked[0] : null;
}
