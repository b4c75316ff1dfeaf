using BenchmarkDotNet.Attributes;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Benchmarks;

/// <summary>Single-symbol throughput over the S&amp;P 500 history. OperationsPerInvoke is the bar count, so the reported
/// time is per bar-step. Baseline: the hand-written floor loop (<see cref="FloorLoop"/>) measured in the same run, so
/// the Ratio column states the engine's speed relative to the floor on the same machine at the same moment. The floor
/// allocates its equity curve per run, as a backtest that returns one must.</summary>
public class SingleSymbolBenchmarks
{
    public const int Bars = 5_105;

    public const string FloorName = "Floor loop (hand-written SMA 10/30)";

    private static readonly BacktestEngine Engine = new(new BacktestOptions { Risk = RiskLimits.None, ComputeStatistics = false });
    private static readonly BacktestEngine EngineWithStatistics = new(new BacktestOptions { Risk = RiskLimits.None });
    private static readonly BacktestEngine EngineWithPlatformRisk = new(new BacktestOptions { ComputeStatistics = false });
    private static readonly FloorLoop.Prepared FloorData = new(BenchmarkData.Sp500);

    [GlobalSetup]
    public void Setup()
    {
        if (BenchmarkData.SingleSymbol.BarCount != Bars)
        {
            throw new InvalidOperationException($"Expected {Bars} bars, found {BenchmarkData.SingleSymbol.BarCount}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Bars, Description = FloorName)]
    public decimal Floor() => FloorLoop.Run(FloorData, 10, 30, 100_000m, new decimal[Bars], null).FinalEquity;

    [Benchmark(OperationsPerInvoke = Bars, Description = "Floor loop without the curve")]
    public decimal FloorWithoutCurve() => FloorLoop.Run(FloorData, 10, 30, 100_000m, null, null).FinalEquity;

    [Benchmark(OperationsPerInvoke = Bars, Description = "Empty loop over bars")]
    public double EmptyLoopOverBars()
    {
        var sum = 0.0;
        foreach (var bar in BenchmarkData.Sp500.Bars)
        {
            sum += (double)bar.Close;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Bars, Description = "Engine, idle strategy")]
    public double EngineIdleStrategy()
    {
        var strategy = new IdleStrategy("SPX");
        Engine.Run(strategy, BenchmarkData.SingleSymbol);
        return strategy.Sum;
    }

    [Benchmark(OperationsPerInvoke = Bars, Description = "SMA(10/30) crossover, 1 symbol")]
    public decimal SmaCrossover() =>
        Engine.Run(new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 10, 30)), BenchmarkData.SingleSymbol).FinalEquity;

    [Benchmark(OperationsPerInvoke = Bars, Description = "SMA crossover + statistics")]
    public decimal SmaCrossoverWithStatistics() =>
        EngineWithStatistics.Run(new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 10, 30)), BenchmarkData.SingleSymbol).FinalEquity;

    [Benchmark(OperationsPerInvoke = Bars, Description = "SMA crossover, platform risk rules")]
    public int SmaCrossoverWithPlatformRisk() =>
        EngineWithPlatformRisk.Run(new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 10, 30)), BenchmarkData.SingleSymbol).Rejections.Count;
}
