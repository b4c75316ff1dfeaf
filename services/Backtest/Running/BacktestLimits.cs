namespace TradeNova.Backtest.Running;

/// <summary>Service-wide limits (<c>TradeNova:Backtest</c>); per-user concurrency and daily runs are in the quota row.</summary>
public sealed class BacktestLimits
{
    /// <summary>Most parameter sets one optimisation may evaluate (walk-forward: per window). Larger is 403.</summary>
    public int MaxOptimizationSets { get; set; } = 5_000;

    public int MaxComparisonStrategies { get; set; } = 10;

    public int MaxOptimizationParameters { get; set; } = 4;

    /// <summary>Jobs one Backtest instance runs at once (consumer concurrency); 0 = one per core.</summary>
    public int WorkerConcurrency { get; set; }

    /// <summary>Run a small backtest and grid at startup so the first job finds the engine compiled and the bundled
    /// history loaded (<see cref="EngineWarmUp"/>).</summary>
    public bool WarmUp { get; set; } = true;
}
