using System.Text.Json;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Optimization;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Tests.Optimization;

public class OptimizerTests
{
    private static readonly MarketDataSet Sp500 = new([BundledMarketData.Sp500()]);
    private static readonly BacktestOptions Options = new() { Risk = RiskLimits.None };

    private static readonly ParameterRange[] SmallGrid =
    [
        new("fastPeriod", 5, 20, 5),
        new("slowPeriod", 30, 60, 10),
    ];

    private static EvaluateParameterSet SmaEvaluator() =>
        CatalogStrategyEvaluator.Create("sma-crossover", JsonSerializer.SerializeToElement(new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 }), Options);

    [Theory]
    [InlineData(OptimizationObjective.Sharpe)]
    [InlineData(OptimizationObjective.Cagr)]
    [InlineData(OptimizationObjective.Calmar)]
    [InlineData(OptimizationObjective.TotalReturn)]
    [InlineData(OptimizationObjective.ProfitFactor)]
    public void Optimizer_picks_the_same_best_parameters_as_running_each_set_alone_through_the_engine(OptimizationObjective objective)
    {
        var sets = ParameterSpace.Grid(SmallGrid);
        var result = Optimizer.Run(sets, Sp500, SmaEvaluator(), new OptimizationSettings(objective, []), cancellationToken: TestContext.Current.CancellationToken);

        var alone = sets.Select(set =>
        {
            var strategy = new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", (int)set["fastPeriod"], (int)set["slowPeriod"]));
            var report = new BacktestEngine(Options).Run(strategy, [BundledMarketData.Sp500()]).Statistics!;
            return (set, score: PerformanceMetrics.Score(report, objective));
        }).ToArray();
        var expected = alone.Where(a => a.score is not null).OrderByDescending(a => a.score!.Value).First();

        result.Best.ShouldNotBeNull();
        result.Best.Parameters.ToString().ShouldBe(expected.set.ToString());
        result.Best.Score.ShouldBe(expected.score);
        result.Evaluations.Count.ShouldBe(sets.Count);
    }

    [Fact]
    public void Result_does_not_depend_on_the_degree_of_parallelism()
    {
        var sets = ParameterSpace.Grid(SmallGrid);
        var serial = Optimizer.Run(sets, Sp500, SmaEvaluator(), new OptimizationSettings(OptimizationObjective.Sharpe, [], 1), cancellationToken: TestContext.Current.CancellationToken);
        var parallel = Optimizer.Run(sets, Sp500, SmaEvaluator(), new OptimizationSettings(OptimizationObjective.Sharpe, [], 4), cancellationToken: TestContext.Current.CancellationToken);

        parallel.Ranked.Select(e => e.Index).ShouldBe(serial.Ranked.Select(e => e.Index));
        parallel.Evaluations.Select(e => e.Score).ShouldBe(serial.Evaluations.Select(e => e.Score));
    }

    [Fact]
    public void Sets_breaking_a_constraint_are_evaluated_but_never_ranked()
    {
        var sets = ParameterSpace.Grid(SmallGrid);
        var constraint = new OptimizationConstraint(PerformanceMetric.MaxDrawdown, ConstraintOperator.LessThan, 0.20);

        var result = Optimizer.Run(sets, Sp500, SmaEvaluator(), new OptimizationSettings(OptimizationObjective.TotalReturn, [constraint]), cancellationToken: TestContext.Current.CancellationToken);

        result.Evaluations.ShouldAllBe(e => e.Report != null);
        result.Ranked.ShouldAllBe(e => e.Report!.MaxDrawdown < 0.20);
        result.Evaluations.Where(e => e.Report!.MaxDrawdown >= 0.20).ShouldAllBe(e => !e.Feasible);
    }

    [Fact]
    public void A_set_the_catalogue_rejects_is_reported_with_its_reason_and_not_ranked()
    {
        var sets = ParameterSpace.Grid([new ParameterRange("fastPeriod", 20, 40, 20), new ParameterRange("slowPeriod", 30, 30, 1)]);

        var result = Optimizer.Run(sets, Sp500, SmaEvaluator(), new OptimizationSettings(OptimizationObjective.Sharpe, []), cancellationToken: TestContext.Current.CancellationToken);

        result.Evaluations[1].Error.ShouldNotBeNull().ShouldContain("fastPeriod");
        result.Evaluations[1].Feasible.ShouldBeFalse();
        result.Ranked.Single().Parameters["fastPeriod"].ShouldBe(20m);
    }
}
