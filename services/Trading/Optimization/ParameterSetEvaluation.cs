using TradeNova.Trading.Statistics;

namespace TradeNova.Trading.Optimization;

/// <summary>One parameter set's outcome in a search.</summary>
/// <param name="Index">Position of the set in the search's order (grid order), the tie-breaker of rankings.</param>
/// <param name="Score">The objective's value; null when the set is invalid or the objective undefined for it.</param>
/// <param name="Feasible">True when the set ran and met every constraint.</param>
/// <param name="Screened">True when the score and feasibility come from the optimiser's exact shortcut and the set was
/// not run through the engine, so it has no <paramref name="Report"/> (it ranked below
/// <see cref="OptimizationSettings.DetailedTop"/>).</param>
public sealed record ParameterSetEvaluation(
    int Index,
    ParameterSet Parameters,
    PerformanceReport? Report,
    string? Error,
    double? Score,
    bool Feasible,
    bool Screened = false);
