using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TradeNova.Benchmarks;

// Usage: dotnet run -c Release --project tests/TradeNova.Benchmarks -- [--quick] [BenchmarkDotNet arguments]
//   --quick  few warm-up and measured iterations: the whole suite finishes in a few minutes on 2 cores.
// Benchmarks run in process (no generated project to build), so they measure exactly the build being run.
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToList();
if (!rest.Contains("--filter"))
{
    rest.AddRange(["--filter", "*"]);
}

var job = (quick ? Job.Default.WithWarmupCount(3).WithIterationCount(8).WithLaunchCount(1) : Job.Default)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId(quick ? "Quick" : "Default");
// Min and median next to the mean: the machines this runs on are shared, and the mean absorbs other people's load.
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(StatisticColumn.Min, StatisticColumn.Median)
    .WithOptions(ConfigOptions.JoinSummary);

var summaries = BenchmarkSwitcher
    .FromTypes([typeof(SingleSymbolBenchmarks), typeof(PortfolioBenchmarks), typeof(GridOptimisationBenchmarks)])
    .Run([.. rest], config)
    .ToArray();

PrintDerivedFigures(summaries);

static void PrintDerivedFigures(IEnumerable<Summary> summaries)
{
    var cores = Environment.ProcessorCount;
    Console.WriteLine();
    Console.WriteLine($"Derived throughput ({cores} logical cores; {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, {Environment.OSVersion}):");
    foreach (var report in summaries.SelectMany(s => s.Reports))
    {
        if (report.ResultStatistics is not { } stats)
        {
            continue;
        }

        var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
        var isGrid = report.BenchmarkCase.Descriptor.Type == typeof(GridOptimisationBenchmarks);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-40} mean {Describe(stats.Mean, isGrid, cores)} | median {Describe(stats.Median, isGrid, cores)} | best {Describe(stats.Min, isGrid, cores)}"));
    }
}

static string Describe(double nanosecondsPerOperation, bool isGrid, int cores)
{
    var perSecond = 1e9 / nanosecondsPerOperation;
    return isGrid
        ? FormattableString.Invariant($"{perSecond:N0} parameter sets/s ({perSecond / cores:N0}/core, {perSecond * SingleSymbolBenchmarks.Bars / cores / 1e6:N1}M bar-steps/s/core)")
        : FormattableString.Invariant($"{perSecond / 1e6:N1}M bar-steps/s ({nanosecondsPerOperation:N1} ns)");
}
