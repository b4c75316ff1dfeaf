using Microsoft.Extensions.Options;
using TradeNova.Execution.Market;
using TradeNova.Execution.Model;

namespace TradeNova.UnitTests.Execution;

public class MarketShockTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_shock_multiplies_the_simulated_price_from_its_effective_time_only()
    {
        var shocks = new MarketShocks();
        var shocked = new PriceSimulator(Options.Create(new SimulationOptions { Epoch = Epoch }), shocks);
        var plain = new PriceSimulator(Options.Create(new SimulationOptions { Epoch = Epoch }));
        SymbolUniverse.TryGetIndex("CAT", out var cat);
        var at = Epoch.AddHours(5);
        shocks.Load([Shock(1, "CAT", 0.85m, at), Shock(2, "CAT", 1m, at.AddMinutes(10))]);

        shocked.PriceAt(cat, at.AddSeconds(-1)).ShouldBe(plain.PriceAt(cat, at.AddSeconds(-1)));
        shocked.PriceAt(cat, at.AddSeconds(30)).ShouldBe(Math.Round(plain.PriceAt(cat, at.AddSeconds(30)) * 0.85m, 2), 0.01m);
        shocked.PriceAt(cat, at.AddMinutes(11)).ShouldBe(plain.PriceAt(cat, at.AddMinutes(11)));
        SymbolUniverse.TryGetIndex("HON", out var hon);
        shocked.PriceAt(hon, at.AddSeconds(30)).ShouldBe(plain.PriceAt(hon, at.AddSeconds(30)), "other symbols are untouched");
    }

    [Fact]
    public void The_quote_keeps_the_unshocked_previous_close_so_the_change_shows_the_shock()
    {
        var shocks = new MarketShocks();
        var simulator = new PriceSimulator(Options.Create(new SimulationOptions { Epoch = Epoch }), shocks);
        SymbolUniverse.TryGetIndex("UPS", out var ups);
        var at = Epoch.AddDays(2).AddHours(3);
        var before = simulator.QuoteAt(ups, at);
        shocks.Load([Shock(1, "UPS", 0.5m, at.AddSeconds(-5))]);

        var after = simulator.QuoteAt(ups, at);
        after.PreviousClose.ShouldBe(before.PreviousClose);
        after.Last.ShouldBe(Math.Round(before.Last * 0.5m, 2), 0.01m);
    }

    private static MarketShock Shock(long id, string symbol, decimal factor, DateTimeOffset effectiveAt) => new()
    {
        Id = id, Symbol = symbol, Factor = factor, EffectiveAt = effectiveAt, CreatedAt = effectiveAt, ActorId = Guid.NewGuid(), Reason = "test",
    };
}
