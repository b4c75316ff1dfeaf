using System.Globalization;
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
var config = DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default).WithOptions(ConfigOptions.JoinSummary);

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

        var perOperationNs = stats.Mean;
        var perSecond = 1e9 / perOperationNs;
        var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
        var line = report.BenchmarkCase.Descriptor.Type == typeof(GridOptimisationBenchmarks)
            ? $"{perSecond:N0} parameter sets/s on {cores} cores = {perSecond / cores:N0} per core ({perSecond * SingleSymbolBenchmarks.Bars / cores:N0} bar-steps/s per core)"
            : $"{perSecond:N0} bar-steps/s on one core ({perOperationNs:N1} ns per bar-step)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-40} {line}"));
    }
}
