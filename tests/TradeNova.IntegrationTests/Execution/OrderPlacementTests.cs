using System.Net;
using System.Text.Json;
using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Execution;

[Collection(ExecutionCollection.Name)]
public sealed class OrderPlacementTests(ExecutionFixture fixture)
{
    private static readonly object MarketBuy = new { symbol = "AAPL", side = "buy", type = "market", timeInForce = "day", quantity = 2 };

    [Fact]
    public async Task Same_idempotency_key_and_body_twice_gives_one_order_and_the_same_response()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await execution.PlaceAsync(token, MarketBuy, key);
        // The same order again, written differently (another property order, 2.0 for 2): still the same request.
        using var second = await execution.PlaceAsync(token, new { quantity = 2.0m, timeInForce = "day", type = "market", side = "buy", symbol = "aapl" }, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        var firstBody = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        (await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe(firstBody);
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        var orderId = JsonDocument.Parse(firstBody).RootElement.Id();
        (await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.orders WHERE idempotency_key = @key", ("key", key))).ShouldBe(1);
        await execution.WaitForStatusAsync(token, orderId, "filled");
        (await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.order_fills WHERE order_id = @id", ("id", orderId))).ShouldBe(1);
    }

    [Fact]
    public async Task The_pre_trade_check_goes_to_RabbitMQ_as_a_transient_message()
    {
        // An answer after the timeout is of no use (the order is rejected by then), so RabbitMQ is not asked to write the
        // request to disk: a broker restart loses it, and the timeout rejects the order as it would anyway.
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        (await execution.PlaceOkAsync(token, MarketBuy)).Status().ShouldBeOneOf("accepted", "filled");

        risk.RiskRequestsPersistent.ShouldBe([false]);
    }

    [Fact]
    public async Task Same_idempotency_key_with_a_different_body_is_409_and_changes_nothing()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await execution.PlaceAsync(token, MarketBuy, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var reused = await execution.PlaceAsync(token, new { symbol = "AAPL", side = "buy", type = "market", quantity = 3 }, key);

        var problem = await ExecutionApiCalls.ReadAsync(reused, HttpStatusCode.Conflict, "reuse key");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/idempotency-key-reused");
        (await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.orders WHERE idempotency_key = @key", ("key", key))).ShouldBe(1);
    }

    [Fact]
    public async Task Invalid_order_is_400_listing_every_field_and_stores_nothing()
    {
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var before = await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.orders");

        using var response = await execution.PlaceAsync(
            token, new { symbol = "NOPE", side = "hold", type = "limit", timeInForce = "week", quantity = 1.5m, notional = 100m, stopPrice = 5m }, idempotencyKey: null);

        var problem = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.BadRequest, "invalid order");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/validation");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["Idempotency-Key", "symbol", "side", "timeInForce", "notional", "limitPrice", "stopPrice"], ignoreOrder: true);
        problem.GetProperty("errors").GetProperty("symbol")[0].GetString()!.ShouldContain("NOPE");
        (await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.orders")).ShouldBe(before);
    }

    [Fact]
    public async Task Fractional_shares_are_refused_for_limit_orders()
    {
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        using var response = await execution.PlaceAsync(
            token, new { symbol = "MSFT", side = "buy", type = "limit", timeInForce = "gtc", quantity = 0.5m, limitPrice = 100m }, Guid.NewGuid().ToString());

        var problem = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.BadRequest, "fractional limit");
        problem.GetProperty("errors").GetProperty("quantity")[0].GetString()!.ShouldContain("market orders only");
    }

    [Fact]
    public async Task Another_users_order_is_404_to_get_cancel_and_replace_and_is_not_listed()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var owner = await fixture.NewTraderAsync();
        var other = await fixture.NewTraderAsync();
        var order = await execution.PlaceOkAsync(owner, new { symbol = "KO", side = "buy", type = "limit", timeInForce = "gtc", quantity = 1, limitPrice = 1m });

        using var get = await execution.SendAsync(HttpMethod.Get, $"/api/v1/orders/{order.Id()}", other);
        using var cancel = await execution.SendAsync(HttpMethod.Delete, $"/api/v1/orders/{order.Id()}", other);
        using var replace = await execution.SendAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id()}/replace", other, new { limitPrice = 2m });
        using var list = await execution.SendAsync(HttpMethod.Get, "/api/v1/orders", other);

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        cancel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        replace.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await ExecutionApiCalls.ReadAsync(list, HttpStatusCode.OK, "list");
        page.GetProperty("total").GetInt32().ShouldBe(0);
        (await execution.GetOrderAsync(owner, order.Id())).GetProperty("order").Status().ShouldBe("accepted", "the owner's order is untouched");
    }

    [Fact]
    public async Task An_order_canceled_while_Risk_checks_it_stays_canceled_when_the_approval_arrives()
    {
        // The placing request resolves the order it wrote without reading it again; a cancel in between must win.
        var checking = new TaskCompletionSource<CheckOrderRisk>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var approve = ExecutionTestBus.Approve();
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, async request =>
        {
            checking.TrySetResult(request);
            await release.Task;
            return await approve(request);
        });
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        var placing = execution.PlaceAsync(token, MarketBuy, Guid.NewGuid().ToString());
        var request = await checking.Task.WaitAsync(ExecutionApiCalls.EventualConsistency, TestContext.Current.CancellationToken);
        using (var cancel = await execution.SendAsync(HttpMethod.Delete, $"/api/v1/orders/{request.OrderId}", token))
        {
            (await ExecutionApiCalls.ReadAsync(cancel, HttpStatusCode.OK, "cancel")).Status().ShouldBe("canceled");
        }

        release.SetResult();
        using var placed = await placing;

        // Answered with the order as it stands (200, not the stored 201 of an order the check resolved).
        var order = await ExecutionApiCalls.ReadAsync(placed, HttpStatusCode.OK, "place");
        order.Status().ShouldBe("canceled");
        var details = await execution.GetOrderAsync(token, request.OrderId);
        details.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ShouldBe(["pending_risk", "canceled"]);
        details.GetProperty("fills").GetArrayLength().ShouldBe(0);
        (await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.orders WHERE parent_order_id = @id", ("id", request.OrderId))).ShouldBe(0);
    }

    [Fact]
    public async Task Order_is_rejected_as_risk_unavailable_when_no_Risk_answers()
    {
        await using var observer = await ExecutionTestBus.StartAsync(fixture.AmqpUri);
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        var order = await execution.PlaceOkAsync(token, MarketBuy);

        order.Status().ShouldBe("rejected");
        order.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe([RiskReasonCodes.Unavailable]);
        order.GetProperty("reason").GetString().ShouldBe("Risk did not answer; the order was not sent.");
        var details = await execution.GetOrderAsync(token, order.Id());
        details.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ShouldBe(["pending_risk", "rejected"]);
        details.GetProperty("fills").GetArrayLength().ShouldBe(0);
        await Poll.UntilAsync(() => Task.FromResult(observer.Of<OrderRejected>().Any(r => r.OrderId == order.Id())), ExecutionApiCalls.EventualConsistency, "OrderRejected");
        observer.Of<OrderRejected>().Single(r => r.OrderId == order.Id()).ReasonCodes.ShouldBe([RiskReasonCodes.Unavailable]);
    }

    [Fact]
    public async Task Rejected_order_carries_every_reason_Risk_gave()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, request => Task.FromResult<OrderRiskChecked?>(
            ExecutionTestBus.Reject(request,
                new RiskViolation(RiskReasonCodes.MaxPosition, "The position would be 11% of equity; the limit is 10%."),
                new RiskViolation(RiskReasonCodes.BuyingPower, "Not enough buying power."))));
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        var order = await execution.PlaceOkAsync(token, MarketBuy);

        order.Status().ShouldBe("rejected");
        order.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString())
            .ShouldBe([RiskReasonCodes.MaxPosition, RiskReasonCodes.BuyingPower]);
        order.GetProperty("reason").GetString()!.ShouldContain("11% of equity");
        await Poll.UntilAsync(() => Task.FromResult(risk.Of<OrderRejected>().Any(r => r.OrderId == order.Id())), ExecutionApiCalls.EventualConsistency, "OrderRejected");
        risk.Of<OrderRejected>().Single(r => r.OrderId == order.Id()).ReasonCodes.Count.ShouldBe(2);
        // The outbox publishes a transaction's events together: OrderUpdated may land after OrderRejected. The order's
        // wait for the check (pending_risk) is no update of its own.
        await Poll.UntilAsync(() => Task.FromResult(risk.Of<OrderUpdated>().Any(u => u.OrderId == order.Id())), ExecutionApiCalls.EventualConsistency, "OrderUpdated");
        risk.Of<OrderUpdated>().Where(u => u.OrderId == order.Id()).Select(u => u.Status).ShouldBe(["rejected"]);
    }

    [Fact]
    public async Task Orders_are_listed_with_filters_and_paging()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        for (var i = 0; i < 3; i++)
        {
            await execution.PlaceOkAsync(token, new { symbol = "PEP", side = "buy", type = "limit", timeInForce = "gtc", quantity = 1, limitPrice = 1m + i });
        }

        await execution.PlaceOkAsync(token, new { symbol = "KO", side = "sell", type = "limit", timeInForce = "gtc", quantity = 1, limitPrice = 9_999m });

        using var pepBuys = await execution.SendAsync(HttpMethod.Get, "/api/v1/orders?symbol=pep&side=buy&status=open&page=2&pageSize=2", token);
        var page = await ExecutionApiCalls.ReadAsync(pepBuys, HttpStatusCode.OK, "list");
        page.GetProperty("total").GetInt32().ShouldBe(3);
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        page.GetProperty("items")[0].GetProperty("limitPrice").GetDecimal().ShouldBe(1m, "newest first: the first one is last");
        using var badFilter = await execution.SendAsync(HttpMethod.Get, "/api/v1/orders?status=done&pageSize=500", token);
        var problem = await ExecutionApiCalls.ReadAsync(badFilter, HttpStatusCode.BadRequest, "bad filter");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["status", "pageSize"], ignoreOrder: true);
    }
}
