using TradeNova.Execution.Model;

namespace TradeNova.UnitTests.Execution;

public class OrderStateMachineTests
{
    [Theory]
    [InlineData("pending_risk", "accepted")]
    [InlineData("pending_risk", "rejected")]
    [InlineData("pending_risk", "canceled")]
    [InlineData("accepted", "partially_filled")]
    [InlineData("accepted", "filled")]
    [InlineData("accepted", "canceled")]
    [InlineData("accepted", "expired")]
    [InlineData("accepted", "replaced")]
    [InlineData("partially_filled", "partially_filled")]
    [InlineData("partially_filled", "filled")]
    [InlineData("partially_filled", "canceled")]
    [InlineData("partially_filled", "expired")]
    public void Allowed_transition_is_recorded_with_its_time_and_fill(string from, string to)
    {
        var order = NewOrder(from);
        order.FilledQuantity = 3m;
        var at = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

        var recorded = order.TransitionTo(to, at, "why");

        order.Status.ShouldBe(to);
        order.UpdatedAt.ShouldBe(at);
        (recorded.OrderId, recorded.FromStatus, recorded.ToStatus, recorded.At, recorded.Reason, recorded.FilledQuantity)
            .ShouldBe((order.Id, from, to, at, "why", 3m));
    }

    [Theory]
    [InlineData("pending_risk", "filled")]
    [InlineData("pending_risk", "partially_filled")]
    [InlineData("accepted", "pending_risk")]
    [InlineData("partially_filled", "accepted")]
    [InlineData("partially_filled", "rejected")]
    [InlineData("filled", "canceled")]
    [InlineData("canceled", "accepted")]
    [InlineData("rejected", "accepted")]
    [InlineData("expired", "filled")]
    [InlineData("replaced", "canceled")]
    public void Forbidden_transition_throws_and_leaves_the_order_alone(string from, string to)
    {
        var order = NewOrder(from);

        Should.Throw<InvalidOperationException>(() => order.TransitionTo(to, DateTimeOffset.UtcNow));

        order.Status.ShouldBe(from);
    }

    [Fact]
    public void Filled_canceled_rejected_expired_and_replaced_are_final()
    {
        OrderStatuses.All.Where(OrderStatuses.IsFinal).ShouldBe(["filled", "canceled", "rejected", "expired", "replaced"]);
        OrderStatuses.Open.ShouldBe(["pending_risk", "accepted", "partially_filled"]);
    }

    [Fact]
    public void Average_fill_price_is_the_quantity_weighted_mean_of_the_fills()
    {
        var order = NewOrder("partially_filled");
        order.FilledQuantity = 50m + 30m;
        order.FilledValue = 50m * 100.00m + 30m * 100.40m;

        order.AverageFillPrice.ShouldBe(100.15m);
        order.RemainingQuantity.ShouldBe(20m);
    }

    private static Order NewOrder(string status) => new()
    {
        Id = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        ClientOrderId = "tn-test",
        Symbol = "AAPL",
        Side = "buy",
        Type = "market",
        TimeInForce = "day",
        Quantity = 100m,
        Status = status,
        Mode = "paper",
    };
}
