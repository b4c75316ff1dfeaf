namespace TradeNova.Trading.Optimization;

/// <summary>What an optimiser maximises. Every objective is "higher is better".</summary>
public enum OptimizationObjective
{
    Sharpe,
    Cagr,
    Calmar,
    TotalReturn,
    ProfitFactor,
}
