using System.Text.Json;
using TradeNova.Trading.Costs;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Optimization;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Tests.Optimization;

/// <summary>With <see cref="OptimizationSettings.DetailedTop"/> the optimiser screens SMA crossover sets through
/// <see cref="SmaCrossoverGrid"/> and runs the engine only on the best ones. Every score, feasibility and rank must be the
/// engine's, the detailed top must carry the engine's reports, and a search the screen cannot answer must run as before.</summary>
public class ScreenedOptimizationTests
{
    private static readonly MarketDataSet Sp500 = new([BundledMarketData.Sp500()]);
    private static readonly BacktestOptions NoRisk = new() { Risk = RiskLimits.None };
    private static readonly JsonElement BaseParameters = JsonSerializer.SerializeToElement(new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 });

    /// <summary>fast 2..51 × slow 60..250 step 10: 1,000 sets.</summary>
    private static readonly IReadOnlyList<ParameterSet> DenseGrid =
        ParameterSpace.Grid([new ParameterRange("fastPeriod", 2, 51, 1), new ParameterRange("slowPeriod", 60, 250, 10)]);

    private static readonly IReadOnlyList<ParameterSet> SmallGrid =
        ParameterSpace.Grid([new ParameterRange("fastPeriod", 5, 25, 5), new ParameterRange("slowPeriod", 40, 100, 20)]);

    [Fact]
    public void Every_set_of_a_1000_set_grid_ranked_on_total_return_scores_what_it_scores_alone_and_the_top_carry_the_engines_reports()
    {
        const int top = 10;
        DenseGrid.Count.ShouldBe(1_000);
        var progress = 0;

        var result = Optimizer.Run(DenseGrid, Sp500, CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, NoRisk),
            new OptimizationSettings(OptimizationObjective.TotalReturn, [], DetailedTop: top),
            count => Interlocked.Exchange(ref progress, Math.Max(progress, count)), TestContext.Current.CancellationToken);

        var engine = new BacktestEngine(NoRisk);
        var alone = DenseGrid.Select(set => engine.Run(new SmaCrossoverStrategy(new("SPX", (int)set["fastPeriod"], (int)set["slowPeriod"])), Sp500)).ToArray();
        for (var i = 0; i < DenseGrid.Count; i++)
        {
            result.Evaluations[i].Score.ShouldBe(alone[i].Statistics!.TotalReturn, $"set {DenseGrid[i]}");
            result.Evaluations[i].Feasible.ShouldBeTrue();
        }

        var expectedRanking = Enumerable.Range(0, DenseGrid.Count).OrderByDescending(i => alone[i].Statistics!.TotalReturn).ThenBy(i => i);
        result.Ranked.Select(e => e.Index).ShouldBe(expectedRanking);
        foreach (var best in result.Ranked.Take(top))
        {
            best.Screened.ShouldBeFalse();
            best.Report.ShouldBe(alone[best.Index].Statistics, $"set {best.Parameters}");
            decimal.GetBits(best.Report!.EndEquity).ShouldBe(decimal.GetBits(alone[best.Index].FinalEquity));
        }

        result.Evaluations.Count(e => e.Screened).ShouldBe(DenseGrid.Count - top, "the screen answered every set outside the top");
        result.Evaluations.Where(e => e.Screened).ShouldAllBe(e => e.Report == null && e.Error == null);
        result.Evaluations.Select(e => e.Score).Distinct().Count().ShouldBeGreaterThan(900);
        progress.ShouldBe(DenseGrid.Count);
    }

    public static TheoryData<string, OptimizationObjective, OptimizationConstraint[]> ScreenedSearches => new()
    {
        { "total return", OptimizationObjective.TotalReturn, [] },
        { "CAGR, total return at least 120%", OptimizationObjective.Cagr, [new(PerformanceMetric.TotalReturn, ConstraintOperator.GreaterThanOrEqual, 1.2)] },
        { "total return, CAGR below 4%", OptimizationObjective.TotalReturn, [new(PerformanceMetric.Cagr, ConstraintOperator.LessThan, 0.04)] },
    };

    [Theory]
    [MemberData(nameof(ScreenedSearches))]
    public void A_screened_search_scores_ranks_and_details_exactly_as_the_search_that_runs_every_set(string search, OptimizationObjective objective, OptimizationConstraint[] constraints)
    {
        var evaluate = CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, NoRisk);

        var screened = Optimizer.Run(DenseGrid, Sp500, evaluate, new OptimizationSettings(objective, constraints, DetailedTop: 5), cancellationToken: TestContext.Current.CancellationToken);
        var full = Optimizer.Run(DenseGrid, Sp500, evaluate, new OptimizationSettings(objective, constraints), cancellationToken: TestContext.Current.CancellationToken);

        screened.Evaluations.Select(e => e.Score).ShouldBe(full.Evaluations.Select(e => e.Score), search);
        screened.Evaluations.Select(e => e.Feasible).ShouldBe(full.Evaluations.Select(e => e.Feasible), search);
        screened.Ranked.Select(e => e.Index).ShouldBe(full.Ranked.Select(e => e.Index), search);
        screened.Ranked.Take(5).Select(e => e.Report).ShouldBe(full.Ranked.Take(5).Select(e => e.Report), search);
        screened.Evaluations.Count(e => e.Screened).ShouldBeGreaterThan(DenseGrid.Count - 10, search);
        full.Ranked.Count.ShouldBeInRange(constraints.Length == 0 ? DenseGrid.Count : 100, constraints.Length == 0 ? DenseGrid.Count : 900, "a constraint should bind on some sets, not all");
    }

    [Fact]
    public void Sets_the_catalogue_rejects_keep_its_reason_inside_a_screened_search()
    {
        var sets = ParameterSpace.Grid([new ParameterRange("fastPeriod", 20, 80, 20), new ParameterRange("slowPeriod", 30, 90, 30)]);
        var evaluate = CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, NoRisk);

        var screened = Optimizer.Run(sets, Sp500, evaluate, new OptimizationSettings(OptimizationObjective.TotalReturn, [], DetailedTop: 1), cancellationToken: TestContext.Current.CancellationToken);
        var full = Optimizer.Run(sets, Sp500, evaluate, new OptimizationSettings(OptimizationObjective.TotalReturn, []), cancellationToken: TestContext.Current.CancellationToken);

        screened.Evaluations.Where(e => e.Error != null).Count().ShouldBeGreaterThan(0);
        screened.Evaluations.Select(e => e.Error).ShouldBe(full.Evaluations.Select(e => e.Error));
        screened.Evaluations.Select(e => e.Score).ShouldBe(full.Evaluations.Select(e => e.Score));
        screened.Ranked.Select(e => e.Index).ShouldBe(full.Ranked.Select(e => e.Index));
        screened.Best!.Report.ShouldBe(full.Best!.Report);
        screened.Evaluations.Count(e => e.Screened).ShouldBe(full.Ranked.Count - 1);
    }

    public static TheoryData<string> Unscreenable =>
    [
        "Sharpe objective",
        "max drawdown constraint",
        "platform risk rules",
        "commission",
        "sizing wrapper",
        "other strategy",
    ];

    [Theory]
    [MemberData(nameof(Unscreenable))]
    public void A_search_the_screen_cannot_answer_runs_every_set_through_the_engine_as_before(string search)
    {
        var (evaluate, settings, sets) = Configure(search);

        var detailed = Optimizer.Run(sets, Sp500, evaluate, settings with { DetailedTop = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        var full = Optimizer.Run(sets, Sp500, evaluate, settings, cancellationToken: TestContext.Current.CancellationToken);

        detailed.Evaluations.ShouldAllBe(e => !e.Screened && (e.Report != null || e.Error != null), search);
        detailed.Evaluations.Select(e => e.Report).ShouldBe(full.Evaluations.Select(e => e.Report), search);
        detailed.Evaluations.Select(e => e.Score).ShouldBe(full.Evaluations.Select(e => e.Score), search);
        detailed.Ranked.Select(e => e.Index).ShouldBe(full.Ranked.Select(e => e.Index), search);
        full.Ranked.Count.ShouldBeGreaterThan(0, search);
    }

    [Fact]
    public void A_screened_walk_forward_analysis_picks_and_tests_the_same_winners_as_one_that_runs_every_set()
    {
        var evaluate = CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, NoRisk);
        var windows = WalkForwardPlan.Create(WalkForwardPlan.Timeline(Sp500), 1000, 250);
        var settings = new OptimizationSettings(OptimizationObjective.TotalReturn, []);

        var screened = WalkForwardAnalysis.Run(Sp500, SmallGrid, evaluate, settings with { DetailedTop = 1 }, windows, cancellationToken: TestContext.Current.CancellationToken);
        var full = WalkForwardAnalysis.Run(Sp500, SmallGrid, evaluate, settings, windows, cancellationToken: TestContext.Current.CancellationToken);

        screened.Windows.Count.ShouldBe(windows.Count);
        screened.Efficiency.ShouldBe(full.Efficiency);
        screened.OutOfSampleTotalReturn.ShouldBe(full.OutOfSampleTotalReturn);
        for (var w = 0; w < windows.Count; w++)
        {
            screened.Windows[w].Best!.Index.ShouldBe(full.Windows[w].Best!.Index);
            screened.Windows[w].Best!.Report.ShouldBe(full.Windows[w].Best!.Report);
            screened.Windows[w].OutOfSample.ShouldBe(full.Windows[w].OutOfSample);
        }
    }

    [Fact]
    public void Detailed_top_below_one_is_refused()
    {
        var evaluate = CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, NoRisk);

        Should.Throw<ArgumentOutOfRangeException>(() => Optimizer.Run(SmallGrid, Sp500, evaluate,
            new OptimizationSettings(OptimizationObjective.TotalReturn, [], DetailedTop: 0), cancellationToken: TestContext.Current.CancellationToken));
    }

    private static (EvaluateParameterSet Evaluate, OptimizationSettings Settings, IReadOnlyList<ParameterSet> Sets) Configure(string search)
    {
        var totalReturn = new OptimizationSettings(OptimizationObjective.TotalReturn, []);
        var sma = CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, NoRisk);
        return search switch
        {
            "Sharpe objective" => (sma, new OptimizationSettings(OptimizationObjective.Sharpe, []), SmallGrid),
            "max drawdown constraint" => (sma, totalReturn with { Constraints = [new(PerformanceMetric.MaxDrawdown, ConstraintOperator.LessThan, 0.5)] }, SmallGrid),
            "platform risk rules" => (CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, new BacktestOptions()), totalReturn, SmallGrid),
            "commission" => (CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, NoRisk with { Commission = new PerShareCommission(0.005m, 1m) }), totalReturn, SmallGrid),
            "sizing wrapper" => (CatalogStrategyEvaluator.Create("sma-crossover", BaseParameters, NoRisk, inner => new TenPercent(inner)), totalReturn, SmallGrid),
            _ => (CatalogStrategyEvaluator.Create("ema-crossover", BaseParameters, NoRisk), totalReturn, SmallGrid),
        };
    }

    /// <summary>Ten percent of equity per entry, through the shared decorator.</summary>
    private sealed class TenPercent(IStrategy inner) : IStrategy
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
                Inner.Submit(order.Side == OrderSide.Buy ? order with { Sizing = OrderSizing.PercentOfEquity(0.10m) } : order);
        }
    }
}
