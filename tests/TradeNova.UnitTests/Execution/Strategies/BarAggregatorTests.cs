using Microsoft.Extensions.Options;
using TradeNova.Execution.Market;
using TradeNova.Execution.Strategies;
using TradeNova.Trading.Data;

namespace TradeNova.UnitTests.Execution.Strategies;

public class BarAggregatorTests
{
    private static readonly DateTimeOffset Minute = new(2026, 12, 2, 10, 31, 0, TimeSpan.Zero);

    [Fact]
    public void Ticks_of_one_window_make_one_bar_completed_by_the_first_tick_of_the_next()
    {
        var aggregator = new BarAggregator(TimeSpan.FromSeconds(5));

        aggregator.Add(Minute.AddSeconds(5), 10m).ShouldBeNull();
        aggregator.Add(Minute.AddSeconds(6), 12m).ShouldBeNull();
        aggregator.Add(Minute.AddSeconds(7), 9m).ShouldBeNull();
        aggregator.Add(Minute.AddSeconds(9.9), 11m).ShouldBeNull();
        var bar = aggregator.Add(Minute.AddSeconds(10), 11.5m);

        bar.ShouldBe(new Bar(Minute.AddSeconds(5), 10m, 12m, 9m, 11m, 4));
    }

    [Fact]
    public void A_window_is_complete_once_the_clock_passes_its_end_even_without_a_later_tick()
    {
        var aggregator = new BarAggregator(TimeSpan.FromSeconds(60));
        aggregator.Add(Minute.AddSeconds(1), 100m);
        aggregator.Add(Minute.AddSeconds(30), 101m);

        aggregator.Flush(Minute.AddSeconds(59.999)).ShouldBeNull("the window is still open");
        aggregator.Flush(Minute.AddSeconds(60)).ShouldBe(new Bar(Minute, 100m, 101m, 100m, 101m, 2));
        aggregator.Flush(Minute.AddSeconds(61)).ShouldBeNull("a bar is given once");
    }

    [Fact]
    public void A_late_tick_of_an_earlier_window_is_ignored_and_gaps_leave_no_empty_bars()
    {
        var aggregator = new BarAggregator(TimeSpan.FromSeconds(5));
        aggregator.Add(Minute.AddSeconds(20), 50m);
        aggregator.Add(Minute.AddSeconds(3), 1m).ShouldBeNull();
        var bar = aggregator.Add(Minute.AddSeconds(41), 52m);

        bar.ShouldBe(new Bar(Minute.AddSeconds(20), 50m, 50m, 50m, 50m, 1));
        aggregator.Flush(Minute.AddSeconds(45)).ShouldBe(new Bar(Minute.AddSeconds(40), 52m, 52m, 52m, 52m, 1));
    }

    [Theory]
    [InlineData(5, "2026-12-02T10:31:07Z", "2026-12-02T10:31:05Z")]
    [InlineData(60, "2026-12-02T10:31:59.999Z", "2026-12-02T10:31:00Z")]
    [InlineData(3600, "2026-12-02T10:31:00Z", "2026-12-02T10:00:00Z")]
    [InlineData(86400, "2026-12-02T10:31:00Z", "2026-12-02T00:00:00Z")]
    public void Windows_are_aligned_to_the_epoch(int seconds, string at, string start) =>
        BarAggregator.WindowStart(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(seconds))
            .ShouldBe(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void The_simulated_feed_aggregates_the_simulators_ticks_and_every_instance_builds_the_same_bar()
    {
        var simulator = new PriceSimulator(Options.Create(new SimulationOptions()));
        SymbolUniverse.TryGetIndex("KO", out var ko).ShouldBeTrue();
        var window = Minute.AddSeconds(15);

        var bar = new SimulatedBarFeed(simulator).BarOf("KO", window, TimeSpan.FromSeconds(5))!.Value;

        var ticks = Enumerable.Range(0, 5).Select(i => simulator.PriceAt(ko, window.AddSeconds(i))).ToList();
        bar.ShouldBe(new Bar(window, ticks[0], ticks.Max(), ticks.Min(), ticks[^1], 5));
        new SimulatedBarFeed(new PriceSimulator(Options.Create(new SimulationOptions()))).BarOf("KO", window, TimeSpan.FromSeconds(5)).ShouldBe(bar);
        new SimulatedBarFeed(simulator).BarOf("NOPE", window, TimeSpan.FromSeconds(5)).ShouldBeNull();
    }
}
