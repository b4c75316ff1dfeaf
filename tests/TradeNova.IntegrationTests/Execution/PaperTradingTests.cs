using System.Net;
using System.Text.Json;
using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Execution;

[Collection(ExecutionCollection.Name)]
public sealed class PaperTradingTests(ExecutionFixture fixture)
{
    private static readonly TimeSpan Wait = ExecutionApiCalls.EventualConsistency;

    [Fact]
    public async Task Approved_market_order_fills_at_the_price_right_after_its_acceptance_gets_its_bracket_and_publishes_each_step()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve(stopLoss: 1m, takeProfit: 100_000m));
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        var placed = await execution.PlaceOkAsync(token, new { symbol = "MSFT", side = "buy", type = "market", quantity = 3 });
        placed.Status().ShouldBe("filled", "the paper exchange matches an accepted order in the accepting transaction");
        placed.GetProperty("stopLossPrice").GetDecimal().ShouldBe(1m);
        placed.GetProperty("clientOrderId").GetString().ShouldStartWith("tn-");
        var details = await execution.WaitForStatusAsync(token, placed.Id(), "filled");

        var order = details.GetProperty("order");
        order.GetProperty("filledQuantity").GetDecimal().ShouldBe(3m);
        var fill = details.GetProperty("fills").EnumerateArray().Single();
        fill.GetProperty("price").GetDecimal().ShouldBeGreaterThan(0m);
        order.GetProperty("averageFillPrice").GetDecimal().ShouldBe(fill.GetProperty("price").GetDecimal());
        order.GetProperty("fees").GetDecimal().ShouldBe(0m, "the platform's paper exchange charges no commission");
        details.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ShouldBe(["pending_risk", "accepted", "filled"]);

        var legs = await LegsOfAsync(execution, token, "MSFT", placed.Id());
        legs.Select(l => (l.GetProperty("bracketLeg").GetString(), l.GetProperty("type").GetString(), l.GetProperty("side").GetString(), l.Status()))
            .ShouldBe([("stop_loss", "stop", "sell", "accepted"), ("take_profit", "limit", "sell", "accepted")], ignoreOrder: true);
        legs.ShouldAllBe(l => l.GetProperty("quantity").GetDecimal() == 3m);

        await Poll.UntilAsync(() => Task.FromResult(risk.Of<OrderFilled>().Any(f => f.OrderId == placed.Id())), Wait, "OrderFilled");
        var filled = risk.Of<OrderFilled>().Single(f => f.OrderId == placed.Id());
        filled.FillId.ShouldBe(fill.GetProperty("fillId").GetGuid());
        (filled.Quantity, filled.Price, filled.Side, filled.Mode).ShouldBe((3m, fill.GetProperty("price").GetDecimal(), "buy", "paper"));
        await Poll.UntilAsync(
            () => Task.FromResult(risk.Of<OrderUpdated>().Any(u => u.OrderId == placed.Id())), Wait, "OrderUpdated");
        // One update per transaction with the order's state at its commit: accepted and filled together say filled. The
        // wait for the pre-trade check (pending_risk) is no update of its own.
        risk.Of<OrderUpdated>().Where(u => u.OrderId == placed.Id()).Select(u => u.Status).ShouldBe(["filled"]);
        // The fill and the two legs it placed are one transaction: its OrderFilled carries all three updates, the order first.
        var together = risk.Messages.Where(m => m.Message is OrderUpdated u && u.OrderId == placed.Id()).Select(m => m.MessageId).Single();
        risk.Messages.Single(m => m.MessageId == together && m.Message is OrderFilled).Message.ShouldBeOfType<OrderFilled>().OrderId.ShouldBe(placed.Id());
        var carried = risk.Messages.Where(m => m.MessageId == together && m.Message is OrderUpdated).Select(m => ((OrderUpdated)m.Message).OrderId).ToList();
        carried[0].ShouldBe(placed.Id());
        carried[1..].ShouldBe(legs.Select(l => l.Id()), ignoreOrder: true);
    }

    [Fact]
    public async Task Take_profit_leg_that_fills_cancels_the_stop_loss_leg()
    {
        // Risk's bracket puts the take-profit under the market, so the leg sells at the next tick after the entry.
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve(stopLoss: 0.5m, takeProfit: 1m));
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        var placed = await execution.PlaceOkAsync(token, new { symbol = "JPM", side = "buy", type = "market", quantity = 2 });
        await execution.WaitForStatusAsync(token, placed.Id(), "filled");

        var legs = await Poll.UntilAsync(
            () => LegsOfAsync(execution, token, "JPM", placed.Id()),
            l => l.Count == 2 && l.All(leg => leg.Status() != "accepted"),
            Wait,
            "bracket resolved");
        var takeProfit = legs.Single(l => l.GetProperty("bracketLeg").GetString() == "take_profit");
        var stopLoss = legs.Single(l => l.GetProperty("bracketLeg").GetString() == "stop_loss");
        takeProfit.Status().ShouldBe("filled");
        takeProfit.GetProperty("averageFillPrice").GetDecimal().ShouldBeGreaterThan(1m, "a limit fills at the market when the market is better");
        stopLoss.Status().ShouldBe("canceled");
        stopLoss.GetProperty("reason").GetString()!.ShouldContain("One cancels other");
    }

    [Fact]
    public async Task Selling_out_a_position_cancels_the_legs_of_every_order_that_built_it_and_a_partial_sale_keeps_them()
    {
        // The buys get brackets far from the market (no leg trades by itself during the test); the sells that close get none.
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, request => request.Side == "buy"
            ? ExecutionTestBus.Approve(stopLoss: 1m, takeProfit: 100_000m)(request)
            : Task.FromResult<OrderRiskChecked?>(new OrderRiskChecked(request.UserId, request.OrderId, true, [], null, null, DateTimeOffset.UtcNow)));
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        var first = await execution.PlaceOkAsync(token, new { symbol = "CSCO", side = "buy", type = "market", quantity = 2 });
        var second = await execution.PlaceOkAsync(token, new { symbol = "CSCO", side = "buy", type = "market", quantity = 3 });
        var other = await execution.PlaceOkAsync(token, new { symbol = "INTC", side = "buy", type = "market", quantity = 1 });
        (first.Status(), second.Status(), other.Status()).ShouldBe(("filled", "filled", "filled"));

        var partial = await execution.PlaceOkAsync(token, new { symbol = "CSCO", side = "sell", type = "market", quantity = 1 });
        partial.Status().ShouldBe("filled");
        var kept = (await LegsOfAsync(execution, token, "CSCO", first.Id())).Concat(await LegsOfAsync(execution, token, "CSCO", second.Id())).ToList();
        kept.Count.ShouldBe(4);
        kept.ShouldAllBe(l => l.Status() == "accepted", "the position (4 shares) is still long: its legs stay");

        var rest = await execution.PlaceOkAsync(token, new { symbol = "CSCO", side = "sell", type = "market", quantity = 4 });
        rest.Status().ShouldBe("filled");
        var closed = (await LegsOfAsync(execution, token, "CSCO", first.Id())).Concat(await LegsOfAsync(execution, token, "CSCO", second.Id())).ToList();
        closed.Count.ShouldBe(4);
        closed.Select(l => $"{l.Status()}: {l.GetProperty("reason").GetString()}").Distinct()
            .ShouldBe(["canceled: The position this bracket leg protected was closed."]);
        (await LegsOfAsync(execution, token, "INTC", other.Id())).ShouldAllBe(l => l.Status() == "accepted", "another symbol's legs are untouched");
    }

    [Fact]
    public async Task A_resting_order_this_instance_never_saved_is_matched_once_the_book_s_bounds_are_read_again()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve(stopLoss: 1m, takeProfit: 100_000m));
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var placed = await execution.PlaceOkAsync(token, new { symbol = "PEP", side = "buy", type = "market", quantity = 2 });
        placed.Status().ShouldBe("filled");
        var takeProfit = (await LegsOfAsync(execution, token, "PEP", placed.Id())).Single(l => l.GetProperty("bracketLeg").GetString() == "take_profit");

        // As another instance would (or an operator's fix): the take-profit now sells at 1, which any price reaches. This
        // instance's bounds never saw that price; its passes skip the symbol until the next read of the bounds (1 s).
        await fixture.ScalarAsync<Guid>("UPDATE execution.orders SET limit_price = 1 WHERE id = @id RETURNING id", ("id", takeProfit.Id()));

        var legs = await Poll.UntilAsync(
            () => LegsOfAsync(execution, token, "PEP", placed.Id()),
            l => l.All(leg => leg.Status() != "accepted"),
            Wait,
            "the take-profit matched after the bounds' refresh");
        legs.Single(l => l.Id() == takeProfit.Id()).Status().ShouldBe("filled");
        legs.Single(l => l.Id() != takeProfit.Id()).Status().ShouldBe("canceled");
    }

    [Fact]
    public async Task Order_larger_than_the_shares_on_offer_fills_over_several_ticks()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        var placed = await execution.PlaceOkAsync(token, new { symbol = "F", side = "buy", type = "market", quantity = 120 });
        var details = await execution.WaitForStatusAsync(token, placed.Id(), "filled");

        details.GetProperty("fills").EnumerateArray().Select(f => f.GetProperty("quantity").GetDecimal()).ShouldBe([50m, 50m, 20m]);
        details.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString())
            .ShouldBe(["pending_risk", "accepted", "partially_filled", "partially_filled", "filled"]);
        details.GetProperty("fills").EnumerateArray().Select(f => f.GetProperty("fillId").GetGuid()).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Immediate_or_cancel_takes_what_is_on_offer_and_fill_or_kill_all_or_nothing()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        var ioc = await execution.PlaceOkAsync(token, new { symbol = "T", side = "buy", type = "market", timeInForce = "ioc", quantity = 80 });
        var fokTooBig = await execution.PlaceOkAsync(token, new { symbol = "T", side = "buy", type = "market", timeInForce = "fok", quantity = 80 });
        var fok = await execution.PlaceOkAsync(token, new { symbol = "T", side = "buy", type = "market", timeInForce = "fok", quantity = 30 });

        var iocDone = (await execution.WaitForStatusAsync(token, ioc.Id(), "canceled")).GetProperty("order");
        iocDone.GetProperty("filledQuantity").GetDecimal().ShouldBe(ExecutionFixture.QuoteSize);
        iocDone.GetProperty("reason").GetString()!.ShouldContain("immediate or cancel");
        var killed = (await execution.WaitForStatusAsync(token, fokTooBig.Id(), "canceled")).GetProperty("order");
        killed.GetProperty("filledQuantity").GetDecimal().ShouldBe(0m);
        (await execution.WaitForStatusAsync(token, fok.Id(), "filled")).GetProperty("order").GetProperty("filledQuantity").GetDecimal().ShouldBe(30m);
    }

    [Fact]
    public async Task Notional_market_order_buys_fractional_shares_worth_the_amount()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        var placed = await execution.PlaceOkAsync(token, new { symbol = "NVDA", side = "buy", type = "market", notional = 500m });
        var order = (await execution.WaitForStatusAsync(token, placed.Id(), "filled")).GetProperty("order");

        var quantity = order.GetProperty("quantity").GetDecimal();
        var price = order.GetProperty("averageFillPrice").GetDecimal();
        (quantity * price).ShouldBeLessThanOrEqualTo(500m);
        (500m - quantity * price).ShouldBeLessThan(price * 0.000001m + 0.0000001m, "floor to the 0.000001-share step");
    }

    [Fact]
    public async Task Resting_limit_order_can_be_replaced_then_canceled_and_a_final_order_cannot_be_canceled()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var resting = await execution.PlaceOkAsync(token, new { symbol = "WMT", side = "buy", type = "limit", timeInForce = "gtc", quantity = 5, limitPrice = 1m });
        resting.Status().ShouldBe("accepted");

        using var replaced = await execution.SendAsync(HttpMethod.Post, $"/api/v1/orders/{resting.Id()}/replace", token, new { quantity = 4, limitPrice = 2m });
        var replacement = await ExecutionApiCalls.ReadAsync(replaced, HttpStatusCode.Created, "replace");
        replacement.Status().ShouldBe("accepted");
        (replacement.GetProperty("quantity").GetDecimal(), replacement.GetProperty("limitPrice").GetDecimal()).ShouldBe((4m, 2m));
        replacement.GetProperty("replacesOrderId").GetGuid().ShouldBe(resting.Id());
        var old = (await execution.GetOrderAsync(token, resting.Id())).GetProperty("order");
        old.Status().ShouldBe("replaced");
        old.GetProperty("replacedByOrderId").GetGuid().ShouldBe(replacement.Id());

        using var canceled = await execution.SendAsync(HttpMethod.Delete, $"/api/v1/orders/{replacement.Id()}", token);
        (await ExecutionApiCalls.ReadAsync(canceled, HttpStatusCode.OK, "cancel")).Status().ShouldBe("canceled");
        using var again = await execution.SendAsync(HttpMethod.Delete, $"/api/v1/orders/{replacement.Id()}", token);
        (await ExecutionApiCalls.ReadAsync(again, HttpStatusCode.Conflict, "cancel twice")).GetProperty("type").GetString()
            .ShouldBe("https://tradenova.dev/problems/order-not-open");
        using var replaceFinal = await execution.SendAsync(HttpMethod.Post, $"/api/v1/orders/{resting.Id()}/replace", token, new { limitPrice = 3m });
        replaceFinal.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Republished_fill_carries_the_same_message_and_fill_id_and_changes_nothing_in_Execution()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var placed = await execution.PlaceOkAsync(token, new { symbol = "KO", side = "buy", type = "market", quantity = 1 });
        await execution.WaitForStatusAsync(token, placed.Id(), "filled");
        await Poll.UntilAsync(() => Task.FromResult(risk.Of<OrderFilled>().Any(f => f.OrderId == placed.Id())), Wait, "OrderFilled");

        // As if the relay crashed after publishing but before marking the row: it publishes the row again. (The row is
        // marked a moment after the publish; undone only once marked, or the mark would land after and win.)
        await Poll.UntilAsync(
            () => fixture.ScalarAsync<long>(
                "SELECT count(*) FROM execution.outbox_messages WHERE message_type LIKE '%OrderFilled%' AND body->>'orderId' = @id AND sent_at IS NOT NULL",
                ("id", placed.Id().ToString())),
            marked => marked == 1, Wait, "the OrderFilled row marked sent");
        await fixture.ScalarAsync<int>(
            "WITH r AS (UPDATE execution.outbox_messages SET sent_at = NULL WHERE message_type LIKE '%OrderFilled%' AND body->>'orderId' = @id RETURNING 1) SELECT count(*)::int FROM r",
            ("id", placed.Id().ToString()));

        var deliveries = await Poll.UntilAsync(
            () => Task.FromResult(risk.Messages.Where(m => m.Message is OrderFilled f && f.OrderId == placed.Id()).ToList()),
            d => d.Count == 2, Wait, "the fill delivered twice");
        deliveries.Select(d => d.MessageId).Distinct().Count().ShouldBe(1, "same outbox row, same MessageId: every inbox drops the copy");
        deliveries.Select(d => ((OrderFilled)d.Message).FillId).Distinct().Count().ShouldBe(1);
        var details = await execution.GetOrderAsync(token, placed.Id());
        details.GetProperty("fills").GetArrayLength().ShouldBe(1);
        details.GetProperty("order").GetProperty("filledQuantity").GetDecimal().ShouldBe(1m);
    }

    private static async Task<List<JsonElement>> LegsOfAsync(HttpClient execution, string token, string symbol, Guid parentId)
    {
        using var response = await execution.SendAsync(HttpMethod.Get, $"/api/v1/orders?symbol={symbol}&pageSize=200", token);
        var page = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.OK, "list");
        return [.. page.GetProperty("items").EnumerateArray()
            .Where(o => o.GetProperty("parentOrderId").ValueKind == JsonValueKind.String && o.GetProperty("parentOrderId").GetGuid() == parentId)];
    }
}
