using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Optimization;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Benchmarks;

/// <summary><c>--floor-ratio</c>: the engine against the floor loop, interleaved run by run in one process, reporting the
/// fastest and the median single run of each and their ratio. On a machine shared by many people a run that was not
/// preempted is the one that measures the code; BenchmarkDotNet's iterations (hundreds of runs each) almost never
/// escape other people's load, a single 40–200 µs run often does. Both allocate their equity curve per run.</summary>
internal static class FloorRatio
{
    public static void Run(int rounds)
    {
        var data = BenchmarkData.SingleSymbol;
        var prepared = new FloorLoop.Prepared(BenchmarkData.Sp500);
        var bars = (double)data.BarCount;
        var engine = new BacktestEngine(new BacktestOptions { Risk = RiskLimits.None, ComputeStatistics = false });
        var withStatistics = new BacktestEngine(new BacktestOptions { Risk = RiskLimits.None });
        var grid = GridOptimisationBenchmarks.DenseGrid;
        var gridOptions = new BacktestOptions { Risk = RiskLimits.None, ComputeStatistics = false };
        var sets = OptimiserGrid;
        (string Name, Func<object> Body, double PerOperation)[] cases =
        [
            ("Floor loop (hand-written SMA 10/30)", () => FloorLoop.Run(prepared, 10, 30, 100_000m, new decimal[prepared.Length], null), bars),
            ("Floor loop without the curve", () => FloorLoop.Run(prepared, 10, 30, 100_000m, null, null), bars),
            ("Engine, SMA(10/30) crossover", () => engine.Run(new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 10, 30)), data), bars),
            ("Engine, SMA crossover + statistics", () => withStatistics.Run(new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 10, 30)), data), bars),
            ("Grid 1,000 sets, fast path, 1 thread", () => SerialGrid(grid, gridOptions), grid.Length),
            ("Grid 1,000 sets, fast path, Parallel", () => SmaCrossoverGrid.FinalEquities(new IndicatorColumns(data), grid, gridOptions), grid.Length),
            ("Optimizer 1,000 sets, total return, top 10", () => Optimise(sets, new OptimizationSettings(OptimizationObjective.TotalReturn, [], DetailedTop: 10)), sets.Count),
            ("Optimizer 1,000 sets, total return, all", () => Optimise(sets, new OptimizationSettings(OptimizationObjective.TotalReturn, [])), sets.Count),
        ];
        var samples = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var repeat = cases[c].PerOperation == bars ? 20 : 1;
                for (var r = 0; r < repeat; r++)
                {
                    var watch = Stopwatch.StartNew();
                    cases[c].Body();
                    samples[c].Add(watch.Elapsed.TotalNanoseconds / cases[c].PerOperation);
                }
            }
        }

        var floorBest = samples[0].Min();
        var floorMedian = Median(samples[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Single runs, interleaved, {rounds} rounds, {Environment.ProcessorCount} cores ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}):"));
        for (var c = 0; c < cases.Length; c++)
        {
            var best = samples[c].Min();
            var median = Median(samples[c]);
            var line = cases[c].PerOperation == bars
                ? $"  {cases[c].Name,-40} best {best,7:N1} ns/bar ({best / floorBest:N2}× floor) | median {median,7:N1} ns/bar ({median / floorMedian:N2}× floor)"
                : $"  {cases[c].Name,-40} best {1e9 / best,9:N0} sets/s ({best / 1e3:N1} µs/set) | median {1e9 / median,9:N0} sets/s";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}"));
        }
    }

    /// <summary>The same 1,000 sets as the optimiser's search over them (fast 2..51 × slow 60..250 step 10).</summary>
    private static readonly IReadOnlyList<ParameterSet> OptimiserGrid =
        ParameterSpace.Grid([new ParameterRange("fastPeriod", 2, 51, 1), new ParameterRange("slowPeriod", 60, 250, 10)]);

    private static readonly JsonElement BaseParameters = JsonSerializer.SerializeToElement(new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 });

    /// <summary>The lab's call: a fresh catalogue evaluator (so the indicator columns are computed in the sample, from
    /// empty) and <see cref="Optimizer.Run"/> on every core. With <see cref="OptimizationSettings.DetailedTop"/> the
    /// optimiser screens every set and runs the engine with statistics on the top ten; without it, on all 1,000.</summary>
    private static OptimizationResult Optimise(IReadOnlyList<ParameterSet> sets, OptimizationSettings settings)
    {
        var result = Optimizer.Run(sets, BenchmarkData.SingleSymbol,
            CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, new BacktestOptions { Risk = RiskLimits.None }), settings);
        if (result.Ranked.Count != sets.Count || result.Best?.Report is null)
        {
            throw new InvalidOperationException("Every set should rank, the best with its report.");
        }

        return result;
    }

    private static decimal SerialGrid(SmaCrossoverParameters[] grid, BacktestOptions options)
    {
        var columns = new IndicatorColumns(BenchmarkData.SingleSymbol);
        var max = 0m;
        foreach (var set in grid)
        {
            max = Math.Max(max, SmaCrossoverGrid.FinalEquity(columns, set, options));
        }

        return max;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
