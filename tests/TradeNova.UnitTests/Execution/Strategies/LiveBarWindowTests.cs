using System.Text.Json;
using TradeNova.Execution.Apis;
using TradeNova.Execution.Strategies;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Data;

namespace TradeNova.UnitTests.Execution.Strategies;

public class LiveBarWindowTests
{
    private static readonly DateTimeOffset Five = new(2026, 12, 2, 14, 35, 0, TimeSpan.Zero);

    [Fact]
    public void Minute_bars_aggregate_into_a_longer_window_as_ticks_do_open_of_the_first_close_of_the_last_volumes_summed()
    {
        var aggregator = new BarAggregator(TimeSpan.FromMinutes(5));
        aggregator.Add(new Bar(Five, 10m, 11m, 9.5m, 10.5m, 100m)).ShouldBeNull();
        aggregator.Add(new Bar(Five.AddMinutes(1), 10.5m, 12m, 10m, 11m, 50m)).ShouldBeNull();
        aggregator.Add(new Bar(Five.AddMinutes(4), 11m, 11.2m, 9m, 9.8m, 25m)).ShouldBeNull();

        aggregator.Flush(Five.AddMinutes(5)).ShouldBe(new Bar(Five, 10m, 12m, 9m, 9.8m, 175m));
    }

    [Fact]
    public void A_source_that_catches_up_gets_every_missed_window_in_order_and_the_simulated_one_the_latest()
    {
        var run = Run(TimeSpan.FromMinutes(1));
        run.NextWindow = Five;
        var now = Five.AddMinutes(4); // windows 14:35 … 14:38 have closed

        run.DueWindow(now, catchUpWindows: 120).ShouldBe(Five);
        run.DueWindow(now).ShouldBe(Five.AddMinutes(3), "the simulated feed goes on at the latest closed window");
        run.DueWindow(Five.AddSeconds(59), catchUpWindows: 120).ShouldBeNull("the first window is still open");
        run.DueWindow(Five.AddMinutes(10), catchUpWindows: 2).ShouldBe(Five.AddMinutes(7), "at most 2 missed windows before the latest");
    }

    [Theory]
    [InlineData("live", 5, false)]
    [InlineData("live", 15, false)]
    [InlineData("live", 60, true)]
    [InlineData("live", 300, true)]
    [InlineData("paper", 5, true)]
    public void A_live_run_needs_whole_minutes_as_it_is_built_from_alpacas_minute_bars(string account, int barSeconds, bool valid)
    {
        var spec = new StrategySpecRequest("sma-crossover", JsonSerializer.SerializeToElement(new { symbol = "AAPL", fastPeriod = 2, slowPeriod = 4 }));
        var errors = new ValidationErrors();

        StartStrategyValidator.Validate(new StartStrategyRequest(null, spec, 1_000m, account, barSeconds), 10_000m, errors);

        errors.ToDictionary().ContainsKey("barSeconds").ShouldBe(!valid);
    }

    private static ActiveRun Run(TimeSpan length) => new(
        new StrategyRun
        {
            Name = "t", StrategyName = "rules", Parameters = "{}", SizingMode = "strategy", Account = "live", Status = "running",
            BarSeconds = (int)length.TotalSeconds,
        },
        null!);
}
