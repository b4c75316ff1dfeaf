using BenchmarkDotNet.Attributes;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Benchmarks;

/// <summary>A 2-parameter grid optimisation of the SMA crossover on the S&amp;P 500, run in parallel with
/// Parallel.For over one shared, immutable data set: fast 5..50 step 5 × slow 20..200 step 20, keeping fast &lt; slow
/// (90 parameter sets). OperationsPerInvoke is the number of sets, so the reported time is per parameter set.</summary>
public class GridOptimisationBenchmarks
{
    public static readonly (int Fast, int Slow)[] Grid =
        (from fast in Enumerable.Range(1, 10).Select(i => i * 5)
         from slow in Enumerable.Range(1, 10).Select(i => i * 20)
         where fast < slow
         select (fast, slow)).ToArray();

    public const int ParameterSets = 90;

    private static readonly BacktestEngine Engine = new(new BacktestOptions { Risk = RiskLimits.None, ComputeStatistics = false });

    [GlobalSetup]
    public void Setup()
    {
        if (Grid.Length != ParameterSets)
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
}
