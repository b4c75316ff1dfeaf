using System.Text.Json;
using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Portfolio;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Platform;
using static TradeNova.IntegrationTests.Trading.RiskCheckTests;
using static TradeNova.IntegrationTests.Trading.TradingApi;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>
/// Risk adds a fill (OrderFilled) before the portfolio's valuation of it arrives. A valuation stamped after the fill but
/// taken before the portfolio applied it (the periodic pass racing the fill) must not take the fill's position and cash
/// away again: for that moment an opening order would be checked against a position the account no longer shows.
/// Live account, messages straight to Risk's queues, so nothing else values or fills it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskFillValuationRaceTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_valuation_without_a_fill_Risk_has_added_keeps_its_position_and_cash_and_a_later_fill_is_added_after_it()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("RQG", 10m));
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-1);
        await bus.SendAsync(RiskValuationQueue, Valued(user, 5_000m, 5_000m, 5_000m, 5_000m, [], t0) with { Mode = "live" });
        await RiskLiveAsync(gateway, user, l => Usage(l).GetProperty("equity").GetDecimal() == 5_000m, "live equity 5,000");

        // The fill reaches Risk first: 20 RQG at 10, fee 1.
        var filledAt = t0.AddSeconds(10);
        var fill = new OrderFilled(user.UserId, Guid.NewGuid(), Guid.NewGuid(), "RQG", "buy", 20m, 10m, 1m, "live", filledAt);
        await bus.SendAsync(RiskFillQueue, fill);
        await RiskLiveAsync(gateway, user, l => Positions(l) == 1 && Cash(l) == 4_799m, "fill added");

        // A valuation stamped after the fill, taken before the portfolio had it: its equity counts, its cash and positions not.
        await bus.SendAsync(RiskValuationQueue, Valued(user, 5_000m, 5_010m, 5_000m, 5_010m, [], filledAt.AddSeconds(5)) with { Mode = "live" });
        var lagging = await RiskLiveAsync(gateway, user, l => Usage(l).GetProperty("equity").GetDecimal() == 5_010m, "lagging valuation applied");
        (Positions(lagging), Cash(lagging)).ShouldBe((1, 4_799m), "the fill's position and cash stay");
        (await bus.CheckAsync(Buy(user.UserId, "RQG", 40m, 10m) with { Mode = "live" })).Codes()
            .ShouldBe([RiskReasonCodes.MaxPosition], "20 held + 40 is 600, over 10% of 5,010: the held 20 still count");

        // The valuation that holds the fill replaces cash and positions.
        await bus.SendAsync(RiskValuationQueue, Valued(user, 4_799m, 4_999m, 5_000m, 5_010m,
            [new PositionValuation("RQG", 20m, 10m, 10m, 200m)], filledAt.AddSeconds(6)) with { Mode = "live", LastFillAt = filledAt });
        await RiskLiveAsync(gateway, user, l => Usage(l).GetProperty("equity").GetDecimal() == 4_999m && Positions(l) == 1 && Cash(l) == 4_799m,
            "valuation with the fill applied");

        // A fill stamped before that valuation's time but after its last fill is not in it: it is added.
        await bus.SendAsync(RiskFillQueue, fill with { FillId = Guid.NewGuid(), Quantity = 5m, Fee = 0m, FilledAt = filledAt.AddSeconds(1) });
        var added = await RiskLiveAsync(gateway, user, l => Cash(l) == 4_749m, "second fill added");
        added.GetProperty("usage").GetProperty("positions")[0].GetProperty("quantity").GetDecimal().ShouldBe(25m);
    }

    private static JsonElement Usage(JsonElement limits) => limits.GetProperty("usage");

    private static int Positions(JsonElement limits) => Usage(limits).GetProperty("positions").GetArrayLength();

    private static decimal Cash(JsonElement limits) => Usage(limits).GetProperty("cash").GetDecimal();
}
