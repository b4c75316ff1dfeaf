using BenchmarkDotNet.Attributes;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Risk;

namespace TradeNova.Benchmarks;

/// <summary>10-symbol portfolio throughput: the S&amp;P 500 plus nine synthetic series on the same 5,105 dates, one
/// cash balance. A bar-step here is one symbol's bar, so one invocation is 10 × 5,105 = 51,050 bar-steps.</summary>
public class PortfolioBenchmarks
{
    public const int BarSteps = 10 * SingleSymbolBenchmarks.Bars;

    private static readonly BacktestEngine Engine = new(new BacktestOptions { Risk = RiskLimits.None, ComputeStatistics = false });

    [Benchmark(OperationsPerInvoke = BarSteps, Description = "SMA(10/30) crossover, 10 symbols")]
    public decimal TenSymbolSmaCrossover() =>
        Engine.Run(new PortfolioSmaCrossover(BenchmarkData.TenSymbolNames, 10, 30), BenchmarkData.TenSymbols).FinalEquity;
}
