using System.Text.Json;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Optimization;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Tests.Optimization;

/// <summary>The optimiser's evaluator reads indicator series from columns shared by every set of a search (and passes
/// them through a sizing wrapper, as the Backtest service wraps strategies). These tests hold it to the path every set
/// took before: the strategy alone behind an opaque wrapper, its own indicators updated bar by bar, no columns.</summary>
public class SharedIndicatorColumnsTests
{
    private static readonly MarketDataSet Sp500 = new([BundledMarketData.Sp500()]);

    private static readonly JsonElement BaseParameters = JsonSerializer.SerializeToElement(new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 });

    /// <summary>fast 2..51 × slow 60..250 step 10: 1,000 sets, 70 distinct SMA lengths.</summary>
    private static readonly IReadOnlyList<ParameterSet> DenseGrid =
        ParameterSpace.Grid([new ParameterRange("fastPeriod", 2, 51, 1), new ParameterRange("slowPeriod", 60, 250, 10)]);

    public static TheoryData<string> Configurations => ["no risk, all cash", "platform risk rules, 10% of equity"];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Every_set_of_a_1000_set_grid_on_shared_columns_reports_exactly_what_that_set_reports_run_alone(string configuration)
    {
        var (options, sizing) = Configure(configuration);
        DenseGrid.Count.ShouldBe(1_000);

        var shared = Optimizer.Run(
            DenseGrid, Sp500,
            CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, options, inner => new Resized(inner, sizing)),
            new OptimizationSettings(OptimizationObjective.Sharpe, []),
            cancellationToken: TestContext.Current.CancellationToken);

        var engine = new BacktestEngine(options with { ComputeStatistics = true });
        for (var i = 0; i < DenseGrid.Count; i++)
        {
            var set = DenseGrid[i];
            var strategy = StrategyCatalog.Create("sma-crossover", JsonSerializer.SerializeToElement(new { symbol = "SPX", fastPeriod = (int)set["fastPeriod"], slowPeriod = (int)set["slowPeriod"] })).Strategy!;
            var alone = engine.Run(new Opaque(new Resized(strategy, sizing)), Sp500);
            shared.Evaluations[i].Report.ShouldBe(alone.Statistics, $"set {set}");
        }

        shared.Evaluations.Select(e => e.Report!.TradeCount).Distinct().Count().ShouldBeGreaterThan(10, "the grid should trade differently from set to set");
    }

    [Fact]
    public void A_strategy_behind_a_sizing_wrapper_reads_the_shared_columns()
    {
        var columns = new IndicatorColumns(Sp500);
        var strategy = StrategyCatalog.Create("sma-crossover", BaseParameters).Strategy!;

        new BacktestEngine().Run(new Resized(strategy, OrderSizing.PercentOfEquity(0.10m)), Sp500, columns);

        columns.Count.ShouldBe(2, "SMA(10) and SMA(30) come from the shared columns");
    }

    [Fact]
    public void A_walk_forward_analysis_on_shared_columns_gives_every_window_the_result_it_has_without_them()
    {
        var (options, sizing) = Configure("platform risk rules, 10% of equity");
        var sets = ParameterSpace.Grid([new ParameterRange("fastPeriod", 5, 25, 5), new ParameterRange("slowPeriod", 40, 100, 20)]);
        var windows = WalkForwardPlan.Create(WalkForwardPlan.Timeline(Sp500), 1000, 250);
        var settings = new OptimizationSettings(OptimizationObjective.Sharpe, []);

        var shared = WalkForwardAnalysis.Run(Sp500, sets, CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, options, inner => new Resized(inner, sizing)),
            settings, windows, cancellationToken: TestContext.Current.CancellationToken);
        var alone = WalkForwardAnalysis.Run(Sp500, sets, CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, options, inner => new Opaque(new Resized(inner, sizing)), shareIndicatorColumns: false),
            settings, windows, cancellationToken: TestContext.Current.CancellationToken);

        shared.Windows.Count.ShouldBe(windows.Count);
        shared.Efficiency.ShouldBe(alone.Efficiency);
        shared.OutOfSampleTotalReturn.ShouldBe(alone.OutOfSampleTotalReturn);
        for (var w = 0; w < windows.Count; w++)
        {
            shared.Windows[w].Best!.Parameters.ToString().ShouldBe(alone.Windows[w].Best!.Parameters.ToString());
            shared.Windows[w].Best!.Report.ShouldBe(alone.Windows[w].Best!.Report);
            shared.Windows[w].OutOfSample.ShouldBe(alone.Windows[w].OutOfSample);
        }
    }

    private static (BacktestOptions Options, OrderSizing Sizing) Configure(string configuration) => configuration switch
    {
        "no risk, all cash" => (new BacktestOptions { Risk = RiskLimits.None }, OrderSizing.AllCash()),
        _ => (new BacktestOptions(), OrderSizing.PercentOfEquity(0.10m)),
    };

    /// <summary>Resizes entries, as the Backtest service's sizing wrapper does, through the shared decorator.</summary>
    private sealed class Resized(IStrategy inner, OrderSizing sizing) : IStrategy
    {
        private readonly Context _context = new(sizing);

        public IReadOnlyList<string> Symbols => inner.Symbols;

        public void OnBar(IStrategyContext context)
        {
            _context.Inner = context;
            inner.OnBar(_context);
        }

        private sealed class Context(OrderSizing sizing) : StrategyContextDecorator
        {
            public override void Submit(OrderRequest order) =>
                Inner.Submit(order.Side == OrderSide.Buy && order.Sizing.Mode is SizingMode.AllCash ? order with { Sizing = sizing } : order);
        }
    }

    /// <summary>Hides the engine's shortcuts: the wrapped strategy sees only <see cref="IStrategyContext"/> and takes its
    /// by-name path, updating its own indicators bar by bar.</summary>
    private sealed class Opaque(IStrategy inner) : IStrategy
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

            public void Submit(OrderRequest order) => Inner.Submit(order);

            public void CancelOrders(string symbol) => Inner.CancelOrders(symbol);
        }
    }
}
