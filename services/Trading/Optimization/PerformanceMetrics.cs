using TradeNova.Trading.Statistics;

namespace TradeNova.Trading.Optimization;

/// <summary>Reads metrics out of a <see cref="PerformanceReport"/> by name, and the names the API uses for them
/// (snake_case: <c>max_drawdown</c>, <c>total_return</c>, …).</summary>
public static class PerformanceMetrics
{
    private static readonly Dictionary<string, PerformanceMetric> ByName = Enum.GetValues<PerformanceMetric>()
        .ToDictionary(NameOf, m => m, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The value, or null when the report leaves it undefined (Sharpe of a flat curve, profit factor without a
    /// losing trade).</summary>
    public static double? Value(PerformanceReport report, PerformanceMetric metric) => metric switch
    {
        PerformanceMetric.Sharpe => report.Sharpe,
        PerformanceMetric.Cagr => report.Cagr,
        PerformanceMetric.Calmar => report.Calmar,
        PerformanceMetric.TotalReturn => report.TotalReturn,
        PerformanceMetric.ProfitFactor => report.ProfitFactor,
        PerformanceMetric.MaxDrawdown => report.MaxDrawdown,
        PerformanceMetric.Sortino => report.Sortino,
        PerformanceMetric.AnnualizedVolatility => report.AnnualizedVolatility,
        PerformanceMetric.TradeCount => report.TradeCount,
        PerformanceMetric.WinRate => report.WinRate,
        PerformanceMetric.Exposure => report.Exposure,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    public static double? Score(PerformanceReport report, OptimizationObjective objective) => Value(report, ToMetric(objective));

    public static PerformanceMetric ToMetric(OptimizationObjective objective) => objective switch
    {
        OptimizationObjective.Sharpe => PerformanceMetric.Sharpe,
        OptimizationObjective.Cagr => PerformanceMetric.Cagr,
        OptimizationObjective.Calmar => PerformanceMetric.Calmar,
        OptimizationObjective.TotalReturn => PerformanceMetric.TotalReturn,
        OptimizationObjective.ProfitFactor => PerformanceMetric.ProfitFactor,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, null),
    };

    public static string NameOf(PerformanceMetric metric) => metric switch
    {
        PerformanceMetric.Sharpe => "sharpe",
        PerformanceMetric.Cagr => "cagr",
        PerformanceMetric.Calmar => "calmar",
        PerformanceMetric.TotalReturn => "total_return",
        PerformanceMetric.ProfitFactor => "profit_factor",
        PerformanceMetric.MaxDrawdown => "max_drawdown",
        PerformanceMetric.Sortino => "sortino",
        PerformanceMetric.AnnualizedVolatility => "annualized_volatility",
        PerformanceMetric.TradeCount => "trade_count",
        PerformanceMetric.WinRate => "win_rate",
        PerformanceMetric.Exposure => "exposure",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    public static bool TryParse(string? name, out PerformanceMetric metric) => ByName.TryGetValue(name ?? "", out metric);

    public static bool TryParseObjective(string? name, out OptimizationObjective objective)
    {
        objective = default;
        if (!TryParse(name, out var metric))
            return false;
        foreach (var candidate in Enum.GetValues<OptimizationObjective>())
        {
            if (ToMetric(candidate) == metric)
            {
                objective = candidate;
                return true;
            }
        }

        return false;
    }
}
