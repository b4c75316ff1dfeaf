using BenchmarkDotNet.Attributes;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Benchmarks;

/// <summary>2-parameter grid optimisations of the SMA crossover on the S&amp;P 500, run in parallel over one shared,
/// immutable data set. The engine grid: fast 5..50 step 5 × slow 20..200 step 20, keeping fast &lt; slow (90 sets). The
/// dense grid: fast 2..51 × slow 60..250 step 10 (1,000 sets, 70 distinct SMA lengths), each invocation starting from
/// empty <see cref="IndicatorColumns"/> so computing the columns is measured too. OperationsPerInvoke is the number of
/// sets, so the reported time is per parameter set.</summary>
public class GridOptimisationBenchmarks
{
    public static readonly (int Fast, int Slow)[] Grid =
        (from fast in Enumerable.Range(1, 10).Select(i => i * 5)
         from slow in Enumerable.Range(1, 10).Select(i => i * 20)
         where fast < slow
         select (fast, slow)).ToArray();

    public const int ParameterSets = 90;

    public const int DenseSets = 1_000;

    public static readonly SmaCrossoverParameters[] DenseGrid =
        [.. from fast in Enumerable.Range(2, 50) from slow in Enumerable.Range(6, 20).Select(i => i * 10) select new SmaCrossoverParameters("SPX", fast, slow)];

    private static readonly BacktestOptions FastPathOptions = new() { Risk = RiskLimits.None, ComputeStatistics = false };
    private static readonly BacktestEngine EngineWithStatistics = new(new BacktestOptions { Risk = RiskLimits.None });

    private static readonly BacktestEngine Engine = new(new BacktestOptions { Risk = RiskLimits.None, ComputeStatistics = false });

    [GlobalSetup]
    public void Setup()
    {
        if (Grid.Length != ParameterSets || DenseGrid.Length != DenseSets)
        {
            throw new InvalidOperationException($"Grid has {Grid.Length} sets, expected {ParameterSets}.");
        }
    }

    [Benchmark(OperationsPerInvoke = ParameterSets, Description = "Grid 5..50 × 20..200, Parallel.For")]
    public decimal ParallelGrid()
    {
        var finals = new decimal[Grid.Length];
        Parallel.For(0, Grid.Length, i =>
        {
            var (fast, slow) = Grid[i];
            finals[i] = Engine.Run(new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", fast, slow)), BenchmarkData.SingleSymbol).FinalEquity;
        });
        return finals.Max();
    }

    [Benchmark(OperationsPerInvoke = DenseSets, Description = "Grid 1,000 sets, fast path on shared columns")]
    public decimal DenseGridFastPath() =>
        SmaCrossoverGrid.FinalEquities(new IndicatorColumns(BenchmarkData.SingleSymbol), DenseGrid, FastPathOptions).Max();

    [Benchmark(OperationsPerInvoke = DenseSets, Description = "Grid 1,000 sets, engine + statistics on shared columns")]
    public decimal DenseGridEngineWithStatistics()
    {
        var columns = new IndicatorColumns(BenchmarkData.SingleSymbol);
        var finals = new decimal[DenseGrid.Length];
        Parallel.For(0, DenseGrid.Length, i =>
            finals[i] = EngineWithStatistics.Run(new SmaCrossoverStrategy(DenseGrid[i]), BenchmarkData.SingleSymbol, columns).Statistics!.EndEquity);
        return finals.Max();
    }
}
