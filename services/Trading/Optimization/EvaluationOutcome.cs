using TradeNova.Trading.Statistics;

namespace TradeNova.Trading.Optimization;

/// <summary>What evaluating one parameter set produced: its performance report, or why the set could not run (for
/// example a fast period not below the slow one). Never both.</summary>
public readonly record struct EvaluationOutcome(PerformanceReport? Report, string? Error)
{
    public static EvaluationOutcome Of(PerformanceReport report) => new(report, null);

    public static EvaluationOutcome Invalid(string error) => new(null, error);
}
