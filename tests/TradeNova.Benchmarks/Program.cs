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
//   --floor-ratio [rounds]  the engine against the floor loop, the fast grid and the optimiser on it, in single interleaved runs
//                           (best and median), no BenchmarkDotNet.
//   --lab-grid [rounds]     the lab optimiser's 1,000-set grid before and after shared indicator columns, interleaved.
if (args.Length > 0 && args[0] == "--floor-ratio")
{
    FloorRatio.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40);
    return;
}

if (args.Length > 0 && args[0] == "--lab-grid")
{
    LabGridRatio.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
    return;
}

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

    PrintFloorRatios(summaries);
}

// The engine's time per bar as a multiple of the hand-written floor loop measured in the same run: on a shared machine
// the absolute figures move with other people's load, the ratio much less.
static void PrintFloorRatios(IEnumerable<Summary> summaries)
{
    var reports = summaries.SelectMany(s => s.Reports)
        .Where(r => r.ResultStatistics is not null && r.BenchmarkCase.Descriptor.Type == typeof(SingleSymbolBenchmarks))
        .ToList();
    var floor = reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') == SingleSymbolBenchmarks.FloorName);
    if (floor?.ResultStatistics is not { } floorStats)
    {
        return;
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Ratio to the floor loop measured in this run (floor: mean {floorStats.Mean:N1} ns, median {floorStats.Median:N1} ns, best {floorStats.Min:N1} ns per bar; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC):"));
    foreach (var report in reports)
    {
        var stats = report.ResultStatistics!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,-40} mean {stats.Mean / floorStats.Mean:N2}× | median {stats.Median / floorStats.Median:N2}× | best {stats.Min / floorStats.Min:N2}×"));
    }
}

static string Describe(double nanosecondsPerOperation, bool isGrid, int cores)
{
    var perSecond = 1e9 / nanosecondsPerOperation;
    return isGrid
        ? FormattableString.Invariant($"{perSecond:N0} parameter sets/s ({perSecond / cores:N0}/core, {perSecond * SingleSymbolBenchmarks.Bars / cores / 1e6:N1}M bar-steps/s/core)")
        : FormattableString.Invariant($"{perSecond / 1e6:N1}M bar-steps/s ({nanosecondsPerOperation:N1} ns)");
}
