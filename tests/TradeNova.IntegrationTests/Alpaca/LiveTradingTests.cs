using System.Net;
using System.Text.Json;
using TradeNova.Contracts.Execution;
using TradeNova.IntegrationTests.Execution;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>
/// Live orders through the user's own Alpaca account: Execution runs as a process against real PostgreSQL and RabbitMQ,
/// its Alpaca endpoints (REST and trade stream) point at the loopback <see cref="FakeAlpacaServer"/>, and a test bus
/// answers CheckOrderRisk and records what Execution publishes.
/// </summary>
[Collection(BrokerConnectionCollection.Name)]
public sealed class LiveTradingTests(BrokerConnectionFixture fixture)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private FakeAlpacaServer Alpaca => fixture.Alpaca;

    [Fact]
    public async Task Live_order_without_a_broker_connection_is_a_422_problem_and_nothing_is_stored()
    {
        var token = await fixture.NewUserTokenAsync();
        using var execution = fixture.CreateExecutionClient();
        var key = Guid.NewGuid().ToString();

        using var response = await execution.PlaceAsync(token, new { symbol = "IBM", side = "buy", type = "market", quantity = 1, mode = "live" }, key);

        var problem = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "live order without keys");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/broker-not-connected");
        (await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.orders WHERE idempotency_key = @key", ("key", key))).ShouldBe(0);
    }

    [Fact]
    public async Task Live_order_is_sent_to_alpaca_once_and_its_fill_from_the_stream_is_published_once()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();

        var placed = await execution.PlaceLiveAsync(token, new { symbol = "IBM", side = "buy", type = "limit", timeInForce = "gtc", quantity = 3, limitPrice = 150m, mode = "live" });
        placed.Status().ShouldBe("accepted");
        placed.GetProperty("mode").GetString().ShouldBe("live");
        placed.GetProperty("source").GetString().ShouldBe("broker");
        var clientOrderId = placed.ClientOrderId();
        await fixture.AcknowledgedAsync(placed.Id());
        await Poll.UntilAsync(() => Task.FromResult(Alpaca.StreamIsConnectedFor(keyId)), ExecutionApiCalls.EventualConsistency, "the user's trade stream");

        Alpaca.Fill(clientOrderId, 3m, 149.87m);
        await Alpaca.SendTradeUpdateAsync("fill", clientOrderId, 149.87m, 3m);
        await Alpaca.SendTradeUpdateAsync("fill", clientOrderId, 149.87m, 3m); // Alpaca repeats itself around reconnects

        var details = await execution.WaitForStatusAsync(token, placed.Id(), "filled");
        await Poll.UntilAsync(() => Task.FromResult(bus.Of<OrderFilled>().Any(f => f.OrderId == placed.Id())), ExecutionApiCalls.EventualConsistency, "OrderFilled");
        await Task.Delay(Settle, TestContext.Current.CancellationToken);
        var posts = Alpaca.RequestsTo("POST", "/v2/orders").Where(r => r.Body!.Contains(clientOrderId, StringComparison.Ordinal)).ToList();
        posts.Count.ShouldBe(1, "an order is sent once");
        var body = JsonDocument.Parse(posts[0].Body!).RootElement;
        body.GetProperty("qty").GetString().ShouldBe("3");
        body.GetProperty("limit_price").GetString().ShouldBe("150");
        posts[0].KeyId.ShouldBe(keyId, "the user's own keys");
        details.GetProperty("fills").GetArrayLength().ShouldBe(1);
        details.GetProperty("fills")[0].GetProperty("price").GetDecimal().ShouldBe(149.87m);
        var filled = bus.Of<OrderFilled>().Where(f => f.OrderId == placed.Id()).ToList();
        filled.Count.ShouldBe(1);
        filled[0].Quantity.ShouldBe(3m);
        filled[0].Mode.ShouldBe("live");
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Killing_Execution_before_Alpaca_answers_the_submission_neither_duplicates_the_order_nor_loses_its_fill()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        JsonElement placed;
        Alpaca.OrderPostDelay = TimeSpan.FromSeconds(8); // Alpaca books the order, then is slow to say so
        try
        {
            placed = await execution.PlaceLiveAsync(token, new { symbol = "GE", side = "buy", type = "market", quantity = 5, mode = "live" });
            placed.Status().ShouldBe("accepted");
            await Poll.UntilAsync(() => Task.FromResult(Alpaca.Orders.ContainsKey(placed.ClientOrderId())), ExecutionApiCalls.EventualConsistency, "the POST at Alpaca");
            await fixture.Execution.KillAsync();
            (await fixture.ScalarAsync<int>("SELECT submission_attempts FROM execution.alpaca_order_links WHERE order_id = @id", ("id", placed.Id())))
                .ShouldBe(1, "the attempt was on record before the POST left");
        }
        finally
        {
            Alpaca.OrderPostDelay = TimeSpan.Zero;
            await fixture.RestartExecutionAsync();
        }

        var clientOrderId = placed.ClientOrderId();
        await fixture.AcknowledgedAsync(placed.Id());
        (await fixture.ScalarAsync<string>("SELECT l.broker_order_id FROM execution.alpaca_order_links l WHERE l.order_id = @id", ("id", placed.Id())))
            .ShouldBe(Alpaca.Orders[clientOrderId]["id"]!.GetValue<string>(), "the broker's order was adopted");
        await Poll.UntilAsync(() => Task.FromResult(Alpaca.StreamIsConnectedFor(keyId)), ExecutionApiCalls.EventualConsistency, "the stream, restarted for the open live order");
        Alpaca.Fill(clientOrderId, 5m, 20.5m);
        await Alpaca.SendTradeUpdateAsync("fill", clientOrderId, 20.5m, 5m);

        var details = await execution.WaitForStatusAsync(token, placed.Id(), "filled");
        await Poll.UntilAsync(() => Task.FromResult(bus.Of<OrderFilled>().Any(f => f.OrderId == placed.Id())), ExecutionApiCalls.EventualConsistency, "OrderFilled");
        await Task.Delay(Settle, TestContext.Current.CancellationToken);
        Alpaca.RequestsTo("POST", "/v2/orders").Count(r => r.Body!.Contains(clientOrderId, StringComparison.Ordinal)).ShouldBe(1, "looked up after the restart, never resent");
        Alpaca.RequestsTo("GET", "/v2/orders:by_client_order_id").ShouldContain(r => r.Query["client_order_id"] == clientOrderId);
        details.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ShouldBe(["pending_risk", "accepted", "filled"]);
        details.GetProperty("fills").GetArrayLength().ShouldBe(1);
        bus.Of<OrderFilled>().Count(f => f.OrderId == placed.Id()).ShouldBe(1);
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_submission_lost_on_its_way_is_sent_once_more_after_a_restart_and_alpaca_holds_one_order()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        var (token, _) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        JsonElement placed;
        Alpaca.OrderPostDelay = TimeSpan.FromSeconds(8);
        Alpaca.BookDelayedOrders = false; // the POST never reaches Alpaca's book
        try
        {
            placed = await execution.PlaceLiveAsync(token, new { symbol = "GE", side = "sell", type = "limit", timeInForce = "day", quantity = 2, limitPrice = 30m, mode = "live" });
            var clientOrderId = placed.ClientOrderId();
            await Poll.UntilAsync(() => Task.FromResult(Alpaca.OrderOwners.ContainsKey(clientOrderId)), ExecutionApiCalls.EventualConsistency, "the POST at Alpaca");
            await fixture.Execution.KillAsync();
        }
        finally
        {
            Alpaca.OrderPostDelay = TimeSpan.Zero;
            Alpaca.BookDelayedOrders = true;
            await fixture.RestartExecutionAsync();
        }

        await fixture.AcknowledgedAsync(placed.Id());
        var id = placed.ClientOrderId();
        var lookups = Alpaca.RequestsTo("GET", "/v2/orders:by_client_order_id").Where(r => r.Query["client_order_id"] == id).ToList();
        lookups.ShouldNotBeEmpty("looked up before sending again");
        Alpaca.RequestsTo("POST", "/v2/orders").Count(r => r.Body!.Contains(id, StringComparison.Ordinal)).ShouldBe(2, "the lost one and one more");
        (await fixture.ScalarAsync<string>("SELECT l.broker_order_id FROM execution.alpaca_order_links l WHERE l.order_id = @id", ("id", placed.Id())))
            .ShouldBe(Alpaca.Orders[id]["id"]!.GetValue<string>());
        (await execution.GetOrderAsync(token, placed.Id())).GetProperty("order").Status().ShouldBe("accepted");
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dropped_stream_reconnects_and_reconciles_without_applying_a_fill_twice()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        var placed = await execution.PlaceLiveAsync(token, new { symbol = "IBM", side = "buy", type = "limit", timeInForce = "gtc", quantity = 4, limitPrice = 150m, mode = "live" });
        var clientOrderId = placed.ClientOrderId();
        await fixture.AcknowledgedAsync(placed.Id());
        await Poll.UntilAsync(() => Task.FromResult(Alpaca.StreamIsConnectedFor(keyId)), ExecutionApiCalls.EventualConsistency, "the user's trade stream");

        Alpaca.Fill(clientOrderId, 1m, 149m);
        await Alpaca.SendTradeUpdateAsync("partial_fill", clientOrderId, 149m, 1m);
        await execution.WaitForStatusAsync(token, placed.Id(), "partially_filled");
        var connections = Alpaca.StreamConnectionsOf(keyId);
        Alpaca.DropStream(keyId);
        Alpaca.Fill(clientOrderId, 3m, 150m); // filled while nobody listened: only the REST reconciliation can find it
        await Poll.UntilAsync(() => Task.FromResult(Alpaca.StreamConnectionsOf(keyId) > connections && Alpaca.StreamIsConnectedFor(keyId)),
            ExecutionApiCalls.EventualConsistency, "the stream reconnected");
        var details = await execution.WaitForStatusAsync(token, placed.Id(), "filled");
        await Alpaca.SendTradeUpdateAsync("fill", clientOrderId, 150m, 3m); // the missed event, delivered late after all

        await Poll.UntilAsync(() => Task.FromResult(bus.Of<OrderFilled>().Count(f => f.OrderId == placed.Id()) >= 2), ExecutionApiCalls.EventualConsistency, "both OrderFilled");
        await Task.Delay(Settle, TestContext.Current.CancellationToken);
        details = await execution.GetOrderAsync(token, placed.Id());
        details.GetProperty("order").GetProperty("filledQuantity").GetDecimal().ShouldBe(4m);
        details.GetProperty("fills").EnumerateArray().Select(f => f.GetProperty("quantity").GetDecimal()).ShouldBe([1m, 3m]);
        var published = bus.Of<OrderFilled>().Where(f => f.OrderId == placed.Id()).ToList();
        published.Count.ShouldBe(2);
        published.Sum(f => f.Quantity).ShouldBe(4m);
        Alpaca.Violations.ShouldBeEmpty();
    }
}
