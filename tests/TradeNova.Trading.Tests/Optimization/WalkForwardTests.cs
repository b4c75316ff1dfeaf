using System.Text.Json;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Optimization;
using TradeNova.Trading.Risk;

namespace TradeNova.Trading.Tests.Optimization;

public class WalkForwardTests
{
    private static readonly MarketDataSet Sp500 = new([BundledMarketData.Sp500()]);

    [Fact]
    public void Out_of_sample_windows_follow_their_in_sample_part_and_never_overlap_each_other()
    {
        var timeline = WalkForwardPlan.Timeline(Sp500).ToList();

        var windows = WalkForwardPlan.Create(timeline, inSampleSteps: 756, outOfSampleSteps: 252);

        windows.Count.ShouldBe((timeline.Count - 756) / 252);
        foreach (var window in windows)
        {
            window.InSampleEnd.ShouldBeLessThan(window.OutOfSampleStart);
            window.OutOfSampleStart.ShouldBeLessThanOrEqualTo(window.OutOfSampleEnd);
        }

        for (var i = 1; i < windows.Count; i++)
        {
            windows[i].OutOfSampleStart.ShouldBeGreaterThan(windows[i - 1].OutOfSampleEnd);
            // adjacent: the next out-of-sample part starts on the bar right after the previous one ends
            timeline.IndexOf(windows[i].OutOfSampleStart).ShouldBe(timeline.IndexOf(windows[i - 1].OutOfSampleEnd) + 1);
        }
    }

    [Fact]
    public void Each_window_tests_its_in_sample_winner_on_the_next_window_and_reports_the_efficiency()
    {
        var evaluate = CatalogStrategyEvaluator.Create(
            "sma-crossover", JsonSerializer.SerializeToElement(new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 }), new BacktestOptions { Risk = RiskLimits.None });
        var sets = ParameterSpace.Grid([new ParameterRange("fastPeriod", 5, 15, 5), new ParameterRange("slowPeriod", 30, 50, 20)]);
        var settings = new OptimizationSettings(OptimizationObjective.TotalReturn, []);
        var windows = WalkForwardPlan.Create(WalkForwardPlan.Timeline(Sp500), 1000, 500);

        var result = WalkForwardAnalysis.Run(Sp500, sets, evaluate, settings, windows, cancellationToken: TestContext.Current.CancellationToken);

        result.Windows.Count.ShouldBe(windows.Count);
        foreach (var window in result.Windows)
        {
            var inSample = WalkForwardPlan.Slice(Sp500, window.Window.InSampleStart, window.Window.InSampleEnd);
            var alone = Optimizer.Run(sets, inSample, evaluate, settings, cancellationToken: TestContext.Current.CancellationToken);
            window.Best!.Parameters.ToString().ShouldBe(alone.Best!.Parameters.ToString());
            window.OutOfSample!.Start.ShouldBe(window.Window.OutOfSampleStart);
            window.OutOfSample.End.ShouldBe(window.Window.OutOfSampleEnd);
        }

        result.Efficiency.ShouldNotBeNull();
    }
}
