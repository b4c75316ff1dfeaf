namespace TradeNova.Trading.Optimization;

/// <summary>A figure of the performance report an objective or a constraint can refer to.</summary>
public enum PerformanceMetric
{
    Sharpe,
    Cagr,
    Calmar,
    TotalReturn,
    ProfitFactor,
    MaxDrawdown,
    Sortino,
    AnnualizedVolatility,
    TradeCount,
    WinRate,
    Exposure,
}
