using Microsoft.Extensions.Options;
using TradeNova.Execution.Market;

namespace TradeNova.UnitTests.Execution;

public class PriceSimulatorTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Same_seed_and_time_give_the_same_price_whatever_was_asked_before()
    {
        var first = Simulator(seed: 7);
        var second = Simulator(seed: 7);
        var at = Epoch.AddDays(3).AddHours(13).AddMilliseconds(12_345);

        _ = first.PriceAt(0, Epoch.AddDays(1)); // a different history of calls must not matter
        var a = Enumerable.Range(0, SymbolUniverse.Count).Select(i => first.PriceAt(i, at)).ToList();
        var b = Enumerable.Range(0, SymbolUniverse.Count).Select(i => second.PriceAt(i, at)).ToList();

        a.ShouldBe(b);
        Simulator(seed: 8).PriceAt(0, at).ShouldNotBe(a[0]);
    }

    [Fact]
    public void Price_at_the_epoch_is_the_reference_price()
    {
        var simulator = Simulator(seed: 1);

        SymbolUniverse.All.Select((s, i) => simulator.PriceAt(i, Epoch)).ShouldBe(SymbolUniverse.All.Select(s => s.ReferencePrice));
    }

    [Fact]
    public void Prices_move_every_second_but_stay_plausible_over_a_day()
    {
        var simulator = Simulator(seed: 3);
        SymbolUniverse.TryGetIndex("AAPL", out var aapl);
        var seconds = Enumerable.Range(0, 86_400 / 60).Select(m => simulator.PriceAt(aapl, Epoch.AddMinutes(m))).ToList();
        var ticks = Enumerable.Range(0, 20).Select(s => simulator.PriceAt(aapl, Epoch.AddHours(5).AddSeconds(s))).ToList();

        // σ per second ≈ 1.4% / √86,400 × $230 ≈ 1 cent: most seconds move the price by a cent or more.
        ticks.Zip(ticks.Skip(1), (a, b) => a != b).Count(moved => moved).ShouldBeGreaterThanOrEqualTo(10);
        seconds.ShouldAllBe(p => p > 230m * 0.8m && p < 230m * 1.2m);
    }

    [Fact]
    public void Quote_has_a_spread_around_the_last_price_and_the_configured_size()
    {
        var simulator = Simulator(seed: 3, minSize: 100m, maxSize: 300m);

        var quotes = Enumerable.Range(0, 50).Select(s => simulator.QuoteAt(0, Epoch.AddSeconds(s))).ToList();

        quotes.ShouldAllBe(q => q.Bid < q.Last && q.Last < q.Ask && q.Size >= 100m && q.Size <= 300m);
        quotes[0].PreviousClose.ShouldBe(simulator.PriceAt(0, Epoch.AddDays(-1).AddHours(20)));
    }

    [Fact]
    public void Universe_has_at_least_fifty_distinct_symbols()
    {
        SymbolUniverse.All.Select(s => s.Symbol).Distinct().Count().ShouldBeGreaterThanOrEqualTo(50);
        SymbolUniverse.All.ShouldAllBe(s => s.ReferencePrice > 0m && s.AnnualVolatility > 0.0);
    }

    [Theory]
    [InlineData("2026-12-01T19:59:59Z", "2026-12-01T20:00:00Z")]
    [InlineData("2026-12-01T20:00:00Z", "2026-12-02T20:00:00Z")]
    [InlineData("2026-12-01T23:30:00Z", "2026-12-02T20:00:00Z")]
    [InlineData("2026-12-05T08:00:00Z", "2026-12-05T20:00:00Z")]
    public void Day_orders_expire_at_the_next_20_00_UTC_session_end(string now, string close)
    {
        TradingSession.NextClose(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateTimeOffset.Parse(close, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static PriceSimulator Simulator(ulong seed, decimal minSize = 100m, decimal maxSize = 1_000m) =>
        new(Options.Create(new SimulationOptions { Seed = seed, Epoch = Epoch, MinQuoteSize = minSize, MaxQuoteSize = maxSize }));
}
