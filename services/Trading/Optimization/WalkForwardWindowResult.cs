using TradeNova.Trading.Statistics;

namespace TradeNova.Trading.Optimization;

/// <summary>A window's outcome: the in-sample winner and how it did out of sample. <see cref="Best"/> is null when no
/// set met the constraints in sample; the window then has no out-of-sample test.</summary>
public sealed record WalkForwardWindowResult(
    WalkForwardWindow Window,
    ParameterSetEvaluation? Best,
    PerformanceReport? OutOfSample,
    double? OutOfSampleScore);
