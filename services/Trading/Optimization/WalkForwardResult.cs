namespace TradeNova.Trading.Optimization;

/// <summary>The walk-forward analysis.</summary>
/// <param name="Efficiency">Walk-forward efficiency: mean out-of-sample CAGR ÷ mean in-sample CAGR of the windows'
/// winners (Pardo's annualised-return ratio). Near or above 1 the in-sample edge held up; near 0 or negative it was
/// curve-fitting. Null when no window had a winner or the in-sample mean is not positive.</param>
/// <param name="OutOfSampleTotalReturn">The out-of-sample windows' total returns compounded: what trading each
/// window's winner on its next window would have made.</param>
public sealed record WalkForwardResult(
    OptimizationObjective Objective,
    IReadOnlyList<WalkForwardWindowResult> Windows,
    double? Efficiency,
    double OutOfSampleTotalReturn);
