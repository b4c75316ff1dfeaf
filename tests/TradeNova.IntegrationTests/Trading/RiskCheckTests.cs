using System.Net;
using System.Text.Json;
using Npgsql;
using TradeNova.Contracts.Billing;
using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Portfolio;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;
using static TradeNova.IntegrationTests.Trading.TradingApi;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>Risk's pre-trade check on the running platform: its read model is built from events published on the real
/// bus, and it is asked with a real MassTransit request client, as Execution asks it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskCheckTests(PlatformFixture platform)
{
    [Fact]
    public async Task Order_that_makes_a_position_eleven_percent_of_equity_is_rejected_with_that_reason()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("AAPL", 100m));

        var tooBig = await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "AAPL", 11m, 100m)),
            r => !r.Codes().Contains(RiskReasonCodes.UnknownSymbol), Eventually, "AAPL known to Risk");
        var within = await bus.CheckAsync(Buy(user.UserId, "AAPL", 9m, 100m));

        tooBig.Approved.ShouldBeFalse();
        tooBig.Codes().ShouldBe([RiskReasonCodes.MaxPosition]);
        tooBig.Violations[0].Message.ShouldContain("10%");
        within.Approved.ShouldBeTrue();
        (within.StopLossPrice, within.TakeProfitPrice).ShouldBe((95.00m, 110.00m), "the default bracket: stop-loss 5%, take-profit 10%");
    }

    [Fact]
    public async Task Eleventh_position_is_rejected_while_adding_to_a_held_one_passes()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        var symbols = Enumerable.Range(1, 10).Select(i => $"T{i:00}").ToList();
        await bus.PricesAsync([.. symbols.Select(s => (s, 10m)), ("NEW1", 10m)]);
        await bus.PublishAsync(Valued(user, 9_000m, 10_000m, 10_000m, 10_000m, symbols.Select(s => new PositionValuation(s, 10m, 10m, 10m, 100m)).ToList()));
        await gateway.WaitForRiskAsync(user, l => l.GetProperty("usage").GetProperty("openPositions").GetProperty("used").GetDecimal() == 10m, "10 positions");

        var eleventh = await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "NEW1", 1m, 10m)),
            r => !r.Codes().Contains(RiskReasonCodes.UnknownSymbol), Eventually, "NEW1 known");
        var add = await bus.CheckAsync(Buy(user.UserId, "T01", 1m, 10m));

        eleventh.Codes().ShouldBe([RiskReasonCodes.MaxOpenPositions]);
        add.Approved.ShouldBeTrue();
    }

    [Fact]
    public async Task After_a_five_percent_day_loss_buys_are_rejected_and_sells_pass()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("MSFT", 50m));
        List<PositionValuation> held = [new("MSFT", 10m, 50m, 50m, 500m)];
        await bus.PublishAsync(Valued(user, 9_500m, 10_000m, 10_000m, 10_000m, held));
        await gateway.WaitForRiskAsync(user, l => l.GetProperty("usage").GetProperty("openPositions").GetProperty("used").GetDecimal() == 1m, "position known");

        await bus.PublishAsync(Valued(user, 9_000m, 9_500m, 10_000m, 10_000m, held, DateTimeOffset.UtcNow.AddSeconds(1)));
        var halt = await Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", user.AccessToken),
            h => h.GetProperty("halted").GetBoolean(), Eventually, "daily-loss halt");

        halt.GetProperty("halts")[0].GetProperty("code").GetString().ShouldBe(RiskReasonCodes.DailyLoss);
        var buy = await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "MSFT", 1m, 50m)),
            r => !r.Codes().Contains(RiskReasonCodes.UnknownSymbol), Eventually, "MSFT known");
        buy.Approved.ShouldBeFalse();
        buy.Codes().ShouldContain(RiskReasonCodes.DailyLoss);
        var sell = await bus.CheckAsync(Sell(user.UserId, "MSFT", 5m, 50m));
        sell.Approved.ShouldBeTrue(string.Join("; ", sell.Violations.Select(v => v.Message)));
        sell.StopLossPrice.ShouldBeNull("a reducing order carries no bracket");
    }

    [Fact]
    public async Task After_a_fifteen_percent_drawdown_trading_stays_halted_across_a_restart_of_Risk_until_resumed()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("NVDA", 20m));

        // Yesterday closed at 8,500 (peak 10,000): today's loss is small, the fall from the peak is 16%.
        await bus.PublishAsync(Valued(user, 8_400m, 8_400m, 8_500m, 10_000m, []));
        await Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", user.AccessToken),
            h => h.GetProperty("halted").GetBoolean(), Eventually, "drawdown halt");

        await platform.KillAsync("risk");
        await platform.RestartAsync("risk");
        await bus.PricesAsync(("NVDA", 20m));

        var afterRestart = await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "NVDA", 1m, 20m)),
            r => !r.Codes().Contains(RiskReasonCodes.UnknownSymbol), Eventually, "NVDA known after restart");
        afterRestart.Codes().ShouldBe([RiskReasonCodes.Drawdown]);
        var halt = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", user.AccessToken);
        halt.GetProperty("halts")[0].GetProperty("canResume").GetBoolean().ShouldBeTrue();

        await gateway.JsonAsync(HttpMethod.Post, "/api/v1/risk/resume", user.AccessToken, new { reason = "I understand the loss" });

        (await bus.CheckAsync(Buy(user.UserId, "NVDA", 1m, 20m))).Approved.ShouldBeTrue();
        using var again = await gateway.SendAsync(HttpMethod.Post, "/api/v1/risk/resume", user.AccessToken, new { });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_periodic_batch_of_valuations_updates_each_account_and_runs_its_monitors_while_a_stale_one_changes_nothing()
    {
        using var gateway = platform.CreateGatewayClient();
        var falling = await gateway.NewTraderAsync();
        var ahead = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        var now = DateTimeOffset.UtcNow;
        PositionValuation Held(string symbol) => new(symbol, 1m, 10m, 10m, 10m);
        // The second user already has a newer valuation (one position) than the one the batch carries for them (three).
        await bus.PublishAsync(Valued(ahead, 9_990m, 10_000m, 10_000m, 10_000m, [Held("AAA")], now.AddSeconds(30)));
        await gateway.WaitForRiskAsync(ahead, l => l.GetProperty("usage").GetProperty("openPositions").GetProperty("used").GetDecimal() == 1m, "the newer valuation");

        await bus.PublishAsync(new PortfoliosValued([
            Valued(falling, 8_380m, 8_400m, 8_500m, 10_000m, [Held("BBB"), Held("CCC")], now),
            Valued(ahead, 9_970m, 10_000m, 10_000m, 10_000m, [Held("AAA"), Held("DDD"), Held("EEE")], now),
        ]));

        await gateway.WaitForRiskAsync(falling, l => l.GetProperty("usage").GetProperty("openPositions").GetProperty("used").GetDecimal() == 2m, "the batch's positions");
        await Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", falling.AccessToken),
            h => h.GetProperty("halted").GetBoolean(), Eventually, "the drawdown monitor ran on the batch's valuation (16% below the peak)");
        (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", ahead.AccessToken)).GetProperty("halted").GetBoolean().ShouldBeFalse();
        var limits = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits", ahead.AccessToken);
        limits.GetProperty("usage").GetProperty("openPositions").GetProperty("used").GetDecimal().ShouldBe(1m, "the stale valuation in the batch changed nothing");
    }

    [Fact]
    public async Task Every_violation_is_returned_together()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("AMZN", 100m));
        await bus.PublishAsync(Valued(user, 500m, 10_000m, 10_000m, 10_000m, [new("AMZN", 95m, 100m, 100m, 9_500m)]));
        await gateway.WaitForRiskAsync(user, l => l.GetProperty("usage").GetProperty("cash").GetDecimal() == 500m, "cash 500");

        // 20 more AMZN at a limit 50% above the market: collar, position size and buying power all apply.
        var result = await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "AMZN", 20m, 150m, limit: 150m)),
            r => !r.Codes().Contains(RiskReasonCodes.UnknownSymbol), Eventually, "AMZN known");

        result.Approved.ShouldBeFalse();
        result.Codes().ShouldBe([RiskReasonCodes.PriceCollar, RiskReasonCodes.MaxPosition, RiskReasonCodes.BuyingPower], ignoreOrder: true);

        // The order ticket's preview answers the same without placing anything.
        var preview = await gateway.JsonAsync(HttpMethod.Post, "/api/v1/risk/preview", user.AccessToken,
            new { symbol = "AMZN", side = "buy", quantity = 20m, limitPrice = 150m });
        preview.GetProperty("approved").GetBoolean().ShouldBeFalse();
        preview.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString())
            .ShouldBe([RiskReasonCodes.PriceCollar, RiskReasonCodes.MaxPosition, RiskReasonCodes.BuyingPower], ignoreOrder: true);
    }

    [Fact]
    public async Task Runaway_client_hits_the_order_rate_cap()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("INTC", 10m));
        await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "INTC", 1m, 10m)), r => r.Approved, Eventually, "first order approved");

        var results = new List<OrderRiskChecked>();
        for (var i = 0; i < 30; i++)
        {
            results.Add(await bus.CheckAsync(Buy(user.UserId, "INTC", 1m, 10m)));
        }

        results.Last().Codes().ShouldContain(RiskReasonCodes.OrderRate);
    }

    [Fact]
    public async Task Lapsed_subscription_refuses_opening_orders_and_an_older_event_arriving_late_does_not_win()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("ORCL", 10m));
        var now = DateTimeOffset.UtcNow;

        await bus.PublishAsync(new SubscriptionDeactivated(user.UserId, "pro", "canceled", "card declined", now));
        var refused = await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "ORCL", 1m, 10m)),
            r => r.Codes().Contains(RiskReasonCodes.Entitlement), Eventually, "entitlement refused");
        await bus.PublishAsync(new SubscriptionActivated(user.UserId, "pro", "active", now.AddDays(30), now.AddMinutes(-5)));
        await bus.PublishAsync(new SubscriptionActivated(user.UserId, "pro", "active", now.AddDays(30), now.AddMinutes(1)));

        refused.Approved.ShouldBeFalse();
        await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "ORCL", 1m, 10m)), r => r.Approved, Eventually, "newer activation wins");
    }

    [Fact]
    public async Task Fills_move_the_checked_position_of_their_own_account_and_an_admin_halt_of_the_user_reaches_both_accounts()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        var admin = await gateway.PromoteToAdminAsync(platform, await gateway.NewUserAsync());
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        // Outside the simulated universe, so the feed cannot move its price away from 10.
        await bus.PricesAsync(("RQF", 10m));
        // Straight to Risk's queues: no other service values or fills this live account, so what Risk shows is its own doing.
        var valuedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        // It holds every fill up to its own time: an older fill arriving later is already in it.
        await bus.SendAsync(RiskValuationQueue, Valued(user, 5_000m, 5_000m, 5_000m, 5_000m, [], valuedAt) with { Mode = "live", LastFillAt = valuedAt });
        await RiskLiveAsync(gateway, user, l => l.GetProperty("usage").GetProperty("equity").GetDecimal() == 5_000m, "live equity 5,000");

        var bought = new OrderFilled(user.UserId, Guid.NewGuid(), Guid.NewGuid(), "rqf", "buy", 20m, 10m, 1m, "live", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await bus.SendAsync(RiskFillQueue, bought with { FillId = Guid.NewGuid(), Quantity = 1_000m, FilledAt = valuedAt.AddSeconds(-1) });
        await bus.SendAsync(RiskFillQueue, bought, messageId);
        await bus.SendAsync(RiskFillQueue, bought, messageId);
        // The usage API reads the account and the positions from one snapshot; the wait is for both all the same.
        var live = await RiskLiveAsync(gateway, user, l => l.GetProperty("usage").GetProperty("positions").GetArrayLength() == 1
                                                           && l.GetProperty("usage").GetProperty("cash").GetDecimal() != 5_000m, "live fill applied");
        var usage = live.GetProperty("usage");
        (usage.GetProperty("positions")[0].GetProperty("symbol").GetString(), usage.GetProperty("positions")[0].GetProperty("quantity").GetDecimal())
            .ShouldBe(("RQF", 20m));
        (usage.GetProperty("cash").GetDecimal(), usage.GetProperty("equity").GetDecimal()).ShouldBe((4_799m, 4_999m), "20 at 10 and a fee of 1");

        // 10% of the live 4,999 is 499.90: 45 held would be 450, 55 would be 550. Paper holds none of it.
        var live45 = await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "RQF", 25m, 10m) with { Mode = "live" }),
            r => !r.Codes().Contains(RiskReasonCodes.UnknownSymbol), Eventually, "RQF known to Risk");
        live45.Approved.ShouldBeTrue(string.Join("; ", live45.Violations.Select(v => v.Message)));
        (await bus.CheckAsync(Buy(user.UserId, "RQF", 35m, 10m) with { Mode = "live" })).Codes().ShouldBe([RiskReasonCodes.MaxPosition]);
        (await bus.CheckAsync(Sell(user.UserId, "RQF", 1m, 10m))).Codes().ShouldBe([RiskReasonCodes.ShortSelling]);
        (await bus.CheckAsync(Buy(user.UserId, "RQF", 55m, 10m))).Approved.ShouldBeTrue("550 is 5.5% of the paper 10,000");

        // An administrator's halt is kept on the user's paper row; the live check reads it from there.
        await gateway.JsonAsync(HttpMethod.Post, $"/api/v1/risk/admin/users/{user.UserId}/halt", admin.AccessToken, new { reason = "review" });
        try
        {
            (await bus.CheckAsync(Buy(user.UserId, "RQF", 1m, 10m) with { Mode = "live" })).Codes().ShouldContain(RiskReasonCodes.Halted);
            (await bus.CheckAsync(Buy(user.UserId, "RQF", 1m, 10m))).Codes().ShouldContain(RiskReasonCodes.Halted);
        }
        finally
        {
            await gateway.JsonAsync(HttpMethod.Post, $"/api/v1/risk/admin/users/{user.UserId}/resume", admin.AccessToken, new { reason = "cleared" });
        }

        // Selling all 20 closes the position: it stops counting, and neither the stale fill nor the redelivery ever landed.
        await bus.SendAsync(RiskFillQueue, bought with { FillId = Guid.NewGuid(), Side = "sell", Fee = 0m, FilledAt = DateTimeOffset.UtcNow });
        live = await RiskLiveAsync(gateway, user, l => l.GetProperty("usage").GetProperty("positions").GetArrayLength() == 0
                                                       && l.GetProperty("usage").GetProperty("cash").GetDecimal() == 4_999m, "live position closed, cash back");
        live.GetProperty("usage").GetProperty("openPositions").GetProperty("used").GetDecimal().ShouldBe(0m);
        (await bus.CheckAsync(Buy(user.UserId, "RQF", 49m, 10m) with { Mode = "live" })).Approved.ShouldBeTrue("490 with nothing held");
        (await RiskPositionRowsAsync(platform, user)).ShouldBe(0, "a closed position leaves no zero row behind");
    }

    // Risk's endpoints as MassTransit names them (kebab case, service prefix).
    internal const string RiskFillQueue = "risk-order-filled-integration-event-handler";
    internal const string RiskValuationQueue = "risk-portfolio-valued-integration-event-handler";

    internal static async Task<long> RiskPositionRowsAsync(PlatformFixture platform, PlatformUser user)
    {
        await using var connection = new NpgsqlConnection(platform.Infrastructure.Database.ConnectionStringFor("risk"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM risk.positions WHERE user_id = @id", connection);
        count.Parameters.AddWithValue("id", user.UserId);
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    internal static Task<JsonElement> RiskLiveAsync(HttpClient gateway, PlatformUser user, Func<JsonElement, bool> condition, string what) =>
        Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits?account=live", user.AccessToken), condition, Eventually, what);

    internal static PortfolioValued Valued(PlatformUser user, decimal cash, decimal equity, decimal startOfDay, decimal peak,
        IReadOnlyList<PositionValuation> positions, DateTimeOffset? at = null) =>
        new(user.UserId, Guid.NewGuid(), cash, positions.Sum(p => p.MarketValue), equity, 0m, 0m, positions.Count,
            at ?? DateTimeOffset.UtcNow, startOfDay, peak, positions);
}
