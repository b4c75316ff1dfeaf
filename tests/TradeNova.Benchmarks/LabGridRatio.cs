using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Optimization;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies;

namespace TradeNova.Benchmarks;

/// <summary><c>--lab-grid [rounds]</c>: the lab's optimisation path (<see cref="Optimizer"/> over
/// <see cref="CatalogStrategyEvaluator"/>, statistics on, a sizing wrapper around each strategy as the Backtest service
/// puts one there) on the 1,000-set SMA grid of the S&amp;P 500, before and after shared indicator columns, interleaved in
/// one process. Before: the wrapper hid the engine's shortcuts, so each set updated its own two SMAs bar by bar. After:
/// the wrapper derives from <see cref="StrategyContextDecorator"/> and every set reads the 70 shared columns (computed
/// in each sample, from empty). Both on all cores; a test holds every set's report of the two paths equal.</summary>
internal static class LabGridRatio
{
    private static readonly JsonElement BaseParameters = JsonSerializer.SerializeToElement(new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 });

    public static void Run(int rounds)
    {
        var data = BenchmarkData.SingleSymbol;
        var sets = ParameterSpace.Grid([new ParameterRange("fastPeriod", 2, 51, 1), new ParameterRange("slowPeriod", 60, 250, 10)]);
        var options = new BacktestOptions { Risk = RiskLimits.None };
        var settings = new OptimizationSettings(OptimizationObjective.Sharpe, []);
        (string Name, Func<OptimizationResult> Body)[] cases =
        [
            ("before: own SMAs per set, opaque wrapper", () => Optimizer.Run(sets, data,
                CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, options, inner => new OpaqueAllCash(inner), shareIndicatorColumns: false), settings)),
            ("after: shared indicator columns", () => Optimizer.Run(sets, data,
                CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, options, inner => new AllCash(inner)), settings)),
            ("engine alone on shared columns (no JSON)", () => Optimizer.Run(sets, data, EngineOnColumns(data, options), settings)),
        ];
        var samples = cases.Select(_ => new List<double>()).ToArray();
        var best = new string?[cases.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var watch = Stopwatch.StartNew();
                var result = cases[c].Body();
                samples[c].Add(watch.Elapsed.TotalMicroseconds / sets.Count);
                best[c] ??= result.Best?.Parameters.ToString();
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Lab optimiser, {sets.Count:N0}-set SMA grid on the S&P 500 ({data.BarCount:N0} bars), statistics on, {Environment.ProcessorCount} cores, {rounds} interleaved rounds ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}):"));
        for (var c = 0; c < cases.Length; c++)
        {
            var (b, m) = (samples[c].Min(), Median(samples[c]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {cases[c].Name,-42} best {1e6 / b,8:N0} sets/s ({b,6:N1} µs/set) | median {1e6 / m,8:N0} sets/s ({m,6:N1} µs/set) | best set {best[c]}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  speed-up (before ÷ after): best {samples[0].Min() / samples[1].Min():N2}× | median {Median(samples[0]) / Median(samples[1]):N2}×"));
    }

    /// <summary>The floor of the lab's path: the strategy built directly, no catalogue, JSON or wrapper.</summary>
    private static EvaluateParameterSet EngineOnColumns(MarketDataSet data, BacktestOptions options)
    {
        var columns = new IndicatorColumns(data);
        var engine = new BacktestEngine(options);
        return (set, d) => EvaluationOutcome.Of(engine.Run(
            new Trading.Strategies.BuiltIn.SmaCrossoverStrategy(new("SPX", (int)set["fastPeriod"], (int)set["slowPeriod"])), d, columns).Statistics!);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>All-cash entries through the shared decorator (the Backtest service's sizing wrapper now).</summary>
    private sealed class AllCash(IStrategy inner) : IStrategy
    {
        private readonly Context _context = new();

        public IReadOnlyList<string> Symbols => inner.Symbols;

        public void OnBar(IStrategyContext context)
        {
            _context.Inner = context;
            inner.OnBar(_context);
        }

        private sealed class Context : StrategyContextDecorator
        {
            public override void Submit(OrderRequest order) =>
                Inner.Submit(order.Side == OrderSide.Buy ? order with { Sizing = OrderSizing.AllCash() } : order);
        }
    }

    /// <summary>The same through a plain <see cref="IStrategyContext"/> (the sizing wrapper before).</summary>
    private sealed class OpaqueAllCash(IStrategy inner) : IStrategy
    {
        private readonly Context _context = new();

        public IReadOnlyList<string> Symbols => inner.Symbols;

        public void OnBar(IStrategyContext context)
        {
            _context.Inner = context;
            inner.OnBar(_context);
        }

        private sealed class Context : IStrategyContext
        {
            public IStrategyContext Inner { get; set; } = null!;

            public DateTimeOffset Time => Inner.Time;

            public decimal Cash => Inner.Cash;

            public decimal Equity => Inner.Equity;

            public bool TryGetBar(string symbol, out Bar bar) => Inner.TryGetBar(symbol, out bar);

            public decimal PositionQuantity(string symbol) => Inner.PositionQuantity(symbol);

            public bool HasPendingOrder(string symbol) => Inner.HasPendingOrder(symbol);

            public void Submit(OrderRequest order) =>
                Inner.Submit(order.Side == OrderSide.Buy ? order with { Sizing = OrderSizing.AllCash() } : order);

            public void CancelOrders(string symbol) => Inner.CancelOrders(symbol);
        }
    }
}
