using System.Net;
using System.Text.Json;
using TradeNova.Contracts.Billing;
using TradeNova.Contracts.Execution;
using TradeNova.IntegrationTests.Execution;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>
/// A live order's life after Alpaca has it: the bracket legs Alpaca holds under its own ids, a fill that arrives after
/// the user's cancel, and a replace done the way Alpaca does it (one PATCH, the old order working until Alpaca confirms).
/// Execution runs as a process against real PostgreSQL and RabbitMQ; Alpaca is the loopback <see cref="FakeAlpacaServer"/>.
/// </summary>
[Collection(BrokerConnectionCollection.Name)]
public sealed class LiveOrderLifecycleTests(BrokerConnectionFixture fixture)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private FakeAlpacaServer Alpaca => fixture.Alpaca;

    [Fact]
    public async Task A_bracket_is_held_by_alpaca_and_its_take_profit_fill_reaches_the_local_leg_once_and_cancels_the_other()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve(stopLoss: 95m, takeProfit: 110m));
        var (token, keyId, parent) = await FilledBracketAsync("IBM");
        using var execution = fixture.CreateExecutionClient();
        var takeProfit = Alpaca.Leg(parent.ClientOrderId(), "limit");
        var stopLoss = Alpaca.Leg(parent.ClientOrderId(), "stop");
        var legs = await OpenLegsAsync(execution, token, parent.Id());

        Alpaca.Fill(FakeAlpacaServer.ClientOrderIdOf(takeProfit), 10m, 110m);
        await Alpaca.SendTradeUpdateAsync("fill", FakeAlpacaServer.ClientOrderIdOf(takeProfit), 110m, 10m);
        await Alpaca.SendTradeUpdateAsync("fill", FakeAlpacaServer.ClientOrderIdOf(takeProfit), 110m, 10m); // repeated around a reconnect
        stopLoss["status"] = "canceled"; // Alpaca's own one-cancels-other
        await Alpaca.SendTradeUpdateAsync("canceled", FakeAlpacaServer.ClientOrderIdOf(stopLoss));

        var takeProfitLeg = legs.Single(l => l.GetProperty("bracketLeg").GetString() == "take_profit").Id();
        var stopLossLeg = legs.Single(l => l.GetProperty("bracketLeg").GetString() == "stop_loss").Id();
        var filled = await execution.WaitForStatusAsync(token, takeProfitLeg, "filled");
        await execution.WaitForStatusAsync(token, stopLossLeg, "canceled");
        await Poll.UntilAsync(() => Task.FromResult(bus.Of<OrderFilled>().Any(f => f.OrderId == takeProfitLeg)), ExecutionApiCalls.EventualConsistency, "the leg's OrderFilled");
        await Task.Delay(Settle, TestContext.Current.CancellationToken);

        filled.GetProperty("fills").EnumerateArray().Select(f => (f.GetProperty("quantity").GetDecimal(), f.GetProperty("price").GetDecimal())).ShouldBe([(10m, 110m)]);
        var published = bus.Of<OrderFilled>().Where(f => f.OrderId == takeProfitLeg).ToList();
        published.Count.ShouldBe(1, "a leg's fill lands once");
        published[0].Side.ShouldBe("sell");
        published[0].Mode.ShouldBe("live");
        (await fixture.ScalarAsync<string>("SELECT broker_order_id FROM execution.alpaca_order_links WHERE order_id = @id", ("id", takeProfitLeg)))
            .ShouldBe(takeProfit["id"]!.GetValue<string>(), "the local leg is matched to Alpaca's");
        Alpaca.RequestsTo("POST", "/v2/orders").Count(r => r.KeyId == keyId).ShouldBe(1, "the legs are Alpaca's: nothing else was sent");
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_leg_filled_while_the_stream_was_down_is_found_by_alpacas_id_after_the_reconnect_and_a_leg_cancel_goes_to_alpacas_leg()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve(stopLoss: 95m, takeProfit: 110m));
        var (token, keyId, parent) = await FilledBracketAsync("CAT");
        using var execution = fixture.CreateExecutionClient();
        var stopLoss = Alpaca.Leg(parent.ClientOrderId(), "stop");
        var legs = await OpenLegsAsync(execution, token, parent.Id());
        var stopLossLeg = legs.Single(l => l.GetProperty("bracketLeg").GetString() == "stop_loss").Id();
        var takeProfitLeg = legs.Single(l => l.GetProperty("bracketLeg").GetString() == "take_profit").Id();

        var connections = Alpaca.StreamConnectionsOf(keyId);
        Alpaca.DropStream(keyId);
        Alpaca.Fill(FakeAlpacaServer.ClientOrderIdOf(stopLoss), 10m, 94.8m); // the stop fired while nobody listened
        await Poll.UntilAsync(() => Task.FromResult(Alpaca.StreamConnectionsOf(keyId) > connections && Alpaca.StreamIsConnectedFor(keyId)),
            ExecutionApiCalls.EventualConsistency, "the stream reconnected");

        var filled = await execution.WaitForStatusAsync(token, stopLossLeg, "filled");
        filled.GetProperty("fills")[0].GetProperty("price").GetDecimal().ShouldBe(94.8m);
        Alpaca.RequestsTo("GET", $"/v2/orders/{stopLoss["id"]!.GetValue<string>()}").ShouldNotBeEmpty("a leg is looked up by Alpaca's id");
        Alpaca.RequestsTo("GET", "/v2/orders:by_client_order_id").ShouldNotContain(r => r.Query["client_order_id"].EndsWith("-sl", StringComparison.Ordinal));
        (await execution.GetOrderAsync(token, takeProfitLeg)).GetProperty("order").Status().ShouldBe("canceled");

        // A second bracket: canceling its stop-loss leg asks Alpaca to cancel Alpaca's leg, not an order it never had.
        var (_, _, second) = await FilledBracketAsync("HON", token, keyId);
        var secondStop = (await OpenLegsAsync(execution, token, second.Id())).Single(l => l.GetProperty("bracketLeg").GetString() == "stop_loss").Id();
        using var cancel = await execution.SendAsync(HttpMethod.Delete, $"/api/v1/orders/{secondStop}", token);
        (await ExecutionApiCalls.ReadAsync(cancel, HttpStatusCode.OK, "cancel a live leg")).Status().ShouldBe("canceled");
        Alpaca.CancelRequests.ShouldContain(Alpaca.Leg(second.ClientOrderId(), "stop")["id"]!.GetValue<string>());
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fill_alpaca_made_before_the_cancel_took_effect_counts_and_the_order_ends_as_alpaca_says()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        var whole = await AcknowledgedLimitAsync(execution, token, keyId, "GE", 5m, 20m);
        var partial = await AcknowledgedLimitAsync(execution, token, keyId, "GE", 4m, 19m);

        foreach (var order in new[] { whole, partial })
        {
            using var cancel = await execution.SendAsync(HttpMethod.Delete, $"/api/v1/orders/{order.Id()}", token);
            (await ExecutionApiCalls.ReadAsync(cancel, HttpStatusCode.OK, "cancel")).Status().ShouldBe("canceled");
        }

        // Alpaca had filled the first entirely, and 1 of the second, before either cancel arrived there.
        Alpaca.Fill(whole.ClientOrderId(), 5m, 19.95m);
        await Alpaca.SendTradeUpdateAsync("fill", whole.ClientOrderId(), 19.95m, 5m);
        Alpaca.Fill(partial.ClientOrderId(), 1m, 18.9m);
        Alpaca.Orders[partial.ClientOrderId()]["status"] = "canceled";
        await Alpaca.SendTradeUpdateAsync("canceled", partial.ClientOrderId());

        var wholeDetails = await execution.WaitForStatusAsync(token, whole.Id(), "filled");
        await Poll.UntilAsync(() => Task.FromResult(bus.Of<OrderFilled>().Count(f => f.OrderId == whole.Id() || f.OrderId == partial.Id()) >= 2),
            ExecutionApiCalls.EventualConsistency, "both late fills published");
        await Task.Delay(Settle, TestContext.Current.CancellationToken);
        var partialDetails = await execution.GetOrderAsync(token, partial.Id());

        wholeDetails.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString())
            .ShouldBe(["pending_risk", "accepted", "canceled", "accepted", "filled"]);
        wholeDetails.GetProperty("fills").EnumerateArray().Single().GetProperty("price").GetDecimal().ShouldBe(19.95m);
        partialDetails.GetProperty("order").Status().ShouldBe("canceled");
        partialDetails.GetProperty("order").GetProperty("filledQuantity").GetDecimal().ShouldBe(1m);
        partialDetails.GetProperty("fills").EnumerateArray().Single().GetProperty("price").GetDecimal().ShouldBe(18.9m);
        bus.Of<OrderFilled>().Count(f => f.OrderId == whole.Id()).ShouldBe(1);
        bus.Of<OrderFilled>().Count(f => f.OrderId == partial.Id()).ShouldBe(1);
        (await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.alpaca_order_links WHERE order_id IN (@a, @b) AND discrepancy IS NOT NULL",
            ("a", whole.Id()), ("b", partial.Id()))).ShouldBe(0, "nothing left to flag: both match Alpaca");
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_live_cancel_locks_nothing_while_alpaca_answers()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        var order = await AcknowledgedLimitAsync(execution, token, keyId, "KO", 2m, 50m);
        var brokerId = Alpaca.Orders[order.ClientOrderId()]["id"]!.GetValue<string>();
        Alpaca.HoldCancel(brokerId);

        var cancel = execution.SendAsync(HttpMethod.Delete, $"/api/v1/orders/{order.Id()}", token);
        await fixture.ShouldLockNothingWhileAlpacaCancelsAsync(brokerId, ("orders", order.Id()));

        using var response = await cancel;
        (await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.OK, "cancel")).Status().ShouldBe("canceled");
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lapsed_subscription_cancels_live_orders_at_alpaca_before_it_locks_them()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        var order = await AcknowledgedLimitAsync(execution, token, keyId, "KO", 2m, 50m);
        var brokerId = Alpaca.Orders[order.ClientOrderId()]["id"]!.GetValue<string>();
        var userId = await fixture.ScalarAsync<Guid>("SELECT user_id FROM execution.orders WHERE id = @id", ("id", order.Id()));
        Alpaca.HoldCancel(brokerId);

        await bus.PublishAsync(new SubscriptionDeactivated(userId, "pro", "canceled", "cancelled by the user", DateTimeOffset.UtcNow));
        await fixture.ShouldLockNothingWhileAlpacaCancelsAsync(brokerId, ("orders", order.Id()));

        var canceled = (await execution.WaitForStatusAsync(token, order.Id(), "canceled")).GetProperty("order");
        canceled.GetProperty("reason").GetString().ShouldBe("Subscription canceled: open orders canceled.");
        Alpaca.RequestsTo("DELETE", $"/v2/orders/{brokerId}").Count.ShouldBe(1, "asked once, before the transaction");
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_live_replace_is_one_patch_at_alpaca_and_the_old_order_works_until_alpaca_confirms_or_refuses()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        var old = await AcknowledgedLimitAsync(execution, token, keyId, "IBM", 3m, 150m);
        var oldBrokerId = Alpaca.Orders[old.ClientOrderId()]["id"]!.GetValue<string>();

        using var replace = await execution.SendAsync(HttpMethod.Post, $"/api/v1/orders/{old.Id()}/replace", token, new { limitPrice = 151m });
        var created = await ExecutionApiCalls.ReadAsync(replace, HttpStatusCode.Created, "replace a live order");
        await fixture.AcknowledgedAsync(created.Id());

        var patch = Alpaca.RequestsTo("PATCH", $"/v2/orders/{oldBrokerId}").ShouldHaveSingleItem();
        var body = JsonDocument.Parse(patch.Body!).RootElement;
        body.GetProperty("limit_price").GetString().ShouldBe("151");
        body.GetProperty("qty").GetString().ShouldBe("3");
        body.GetProperty("client_order_id").GetString().ShouldBe(created.ClientOrderId());
        Alpaca.RequestsTo("POST", "/v2/orders").ShouldNotContain(r => r.Body!.Contains(created.ClientOrderId(), StringComparison.Ordinal), "replaced, not sent anew");
        Alpaca.CancelRequests.ShouldNotContain(oldBrokerId);
        var oldNow = (await execution.GetOrderAsync(token, old.Id())).GetProperty("order");
        oldNow.Status().ShouldBe("replaced");
        oldNow.GetProperty("replacedByOrderId").GetGuid().ShouldBe(created.Id());
        (await fixture.ScalarAsync<string>("SELECT broker_order_id FROM execution.alpaca_order_links WHERE order_id = @id", ("id", created.Id())))
            .ShouldBe(Alpaca.Orders[created.ClientOrderId()]["id"]!.GetValue<string>());

        // Alpaca refuses the next replace (the order filled meanwhile): the replacement is rejected, the order keeps working.
        Alpaca.ScriptedReplaceRefusal = true;
        try
        {
            using var refused = await execution.SendAsync(HttpMethod.Post, $"/api/v1/orders/{created.Id()}/replace", token, new { quantity = 2m });
            var second = await ExecutionApiCalls.ReadAsync(refused, HttpStatusCode.Created, "replace refused by Alpaca");
            var rejected = await execution.WaitForStatusAsync(token, second.Id(), "rejected");
            rejected.GetProperty("order").GetProperty("reason").GetString()!.ShouldContain("Alpaca refused");
        }
        finally
        {
            Alpaca.ScriptedReplaceRefusal = false;
        }

        (await execution.GetOrderAsync(token, created.Id())).GetProperty("order").Status().ShouldBe("accepted");
        Alpaca.Violations.ShouldBeEmpty();
    }

    /// <summary>A live market buy of 10 with Risk's bracket, acknowledged with Alpaca's legs and filled at 100.</summary>
    private async Task<(string Token, string KeyId, JsonElement Parent)> FilledBracketAsync(string symbol, string? token = null, string? keyId = null)
    {
        if (token is null || keyId is null)
        {
            (token, keyId) = await fixture.NewConnectedTraderAsync();
        }

        using var execution = fixture.CreateExecutionClient();
        var parent = await execution.PlaceLiveAsync(token, new { symbol, side = "buy", type = "market", timeInForce = "day", quantity = 10, mode = "live" });
        parent.Status().ShouldBe("accepted");
        await fixture.AcknowledgedAsync(parent.Id());
        var post = Alpaca.RequestsTo("POST", "/v2/orders").Single(r => r.Body!.Contains(parent.ClientOrderId(), StringComparison.Ordinal));
        var body = JsonDocument.Parse(post.Body!).RootElement;
        body.GetProperty("order_class").GetString().ShouldBe("bracket");
        body.GetProperty("take_profit").GetProperty("limit_price").GetString().ShouldBe("110");
        body.GetProperty("stop_loss").GetProperty("stop_price").GetString().ShouldBe("95");
        (await fixture.ScalarAsync<string>("SELECT take_profit_broker_order_id FROM execution.alpaca_order_links WHERE order_id = @id", ("id", parent.Id())))
            .ShouldBe(Alpaca.Leg(parent.ClientOrderId(), "limit")["id"]!.GetValue<string>());
        await Poll.UntilAsync(() => Task.FromResult(Alpaca.StreamIsConnectedFor(keyId)), ExecutionApiCalls.EventualConsistency, "the user's trade stream");

        Alpaca.Fill(parent.ClientOrderId(), 10m, 100m);
        foreach (var type in new[] { "limit", "stop" })
        {
            Alpaca.Leg(parent.ClientOrderId(), type)["status"] = "new"; // Alpaca releases the held legs when the entry fills
        }

        await Alpaca.SendTradeUpdateAsync("fill", parent.ClientOrderId(), 100m, 10m);
        await execution.WaitForStatusAsync(token, parent.Id(), "filled");
        return (token, keyId, parent);
    }

    private async Task<List<JsonElement>> OpenLegsAsync(HttpClient execution, string token, Guid parentId) =>
        await Poll.UntilAsync(async () =>
        {
            using var response = await execution.SendAsync(HttpMethod.Get, "/api/v1/orders?status=open&pageSize=100", token);
            var page = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.OK, "open orders");
            return page.GetProperty("items").EnumerateArray()
                .Where(o => o.TryGetProperty("parentOrderId", out var p) && p.ValueKind == JsonValueKind.String && p.GetGuid() == parentId)
                .Select(o => o.Clone()).ToList();
        }, legs => legs.Count == 2, ExecutionApiCalls.EventualConsistency, "both local legs");

    private async Task<JsonElement> AcknowledgedLimitAsync(HttpClient execution, string token, string keyId, string symbol, decimal quantity, decimal limitPrice)
    {
        var placed = await execution.PlaceLiveAsync(token, new { symbol, side = "buy", type = "limit", timeInForce = "gtc", quantity, limitPrice, mode = "live" });
        placed.Status().ShouldBe("accepted");
        await fixture.AcknowledgedAsync(placed.Id());
        await Poll.UntilAsync(() => Task.FromResult(Alpaca.StreamIsConnectedFor(keyId)), ExecutionApiCalls.EventualConsistency, "the user's trade stream");
        return placed;
    }
}
