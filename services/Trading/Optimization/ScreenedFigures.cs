namespace TradeNova.Trading.Optimization;

/// <summary>The figures of a set's performance report an exact shortcut knows without running the engine: those that
/// depend only on the first and last equity points, the same doubles the report has.</summary>
internal readonly record struct ScreenedFigures(double TotalReturn, double? Cagr)
{
    public static bool Covers(PerformanceMetric metric) => metric is PerformanceMetric.TotalReturn or PerformanceMetric.Cagr;

    public double? Value(PerformanceMetric metric) => metric switch
    {
        PerformanceMetric.TotalReturn => TotalReturn,
        PerformanceMetric.Cagr => Cagr,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not known without the engine."),
    };
}
