using TradeNova.Trading.Orders;
using static TradeNova.Trading.Tests.Engine.TestBars;

namespace TradeNova.Trading.Tests.Engine;

public class FillTimingTests
{
    [Fact]
    public void Market_order_submitted_at_a_close_fills_at_the_next_bars_open()
    {
        var aaa = Daily("AAA", (100m, 101m, 99m, 100m), (102m, 104m, 101m, 103m), (103m, 105m, 102m, 104m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10)));
        }, aaa);

        // Signal on day 0's close (100); the fill is day 1's open, 102, not the close it was decided on.
        var fill = result.Fills.ShouldHaveSingleItem();
        fill.Time.ShouldBe(Day(1));
        fill.Price.ShouldBe(102m);
        // Cash: 10,000 - 10 × 102 = 8,980.00
        result.FinalCash.ShouldBe(8_980.00m);
        // Equity: day 0 10,000 (flat); day 1 8,980 + 10 × 103 = 10,010; day 2 8,980 + 10 × 104 = 10,020.
        result.EquityCurve.Select(p => p.Equity).ShouldBe([10_000m, 10_010m, 10_020m]);
        result.FinalEquity.ShouldBe(10_020.00m);
        result.BarsInMarket.ShouldBe(2);
        result.TotalBars.ShouldBe(3);
        result.OpenPositions.ShouldHaveSingleItem().Quantity.ShouldBe(10m);
    }

    [Fact]
    public void Nothing_fills_for_a_symbol_with_no_bar_at_that_time()
    {
        var aaa = Daily("AAA", Flat(100m), Flat(100m), Flat(100m));
        var bbb = Daily("BBB", Flat(50m), null, (52m, 53m, 51m, 52.5m));
        var pendingOnDay1 = false;

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("BBB", OrderSide.Buy, OrderSizing.Shares(10)));
            if (step == 1)
                pendingOnDay1 = ctx.HasPendingOrder("BBB") && !ctx.TryGetBar("BBB", out _);
        }, aaa, bbb);

        // Day 1 has a bar of AAA only, so the BBB order waits; it fills at BBB's next bar, day 2's open of 52.
        pendingOnDay1.ShouldBeTrue();
        var fill = result.Fills.ShouldHaveSingleItem();
        fill.Time.ShouldBe(Day(2));
        fill.Price.ShouldBe(52m);
        // Cash: 10,000 - 10 × 52 = 9,480; equity 9,480 + 10 × 52.5 = 10,005.00
        result.FinalEquity.ShouldBe(10_005.00m);
        // Day 1 marks BBB at its last known close (50): nothing held yet, equity 10,000.
        result.EquityCurve.Select(p => p.Equity).ShouldBe([10_000m, 10_000m, 10_005.0m]);
    }

    [Fact]
    public void Orders_still_waiting_when_the_data_ends_are_reported_as_unfilled()
    {
        var aaa = Daily("AAA", Flat(100m), Flat(100m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            // A limit far below the market never triggers; a market order decided on the last close has no next bar.
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(5), OrderType.Limit, LimitPrice: 80m));
            if (step == 1)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(3)));
        }, aaa);

        result.Fills.ShouldBeEmpty();
        result.UnfilledOrders.Select(o => (o.Request.Type, o.Request.Sizing.Value, o.IsBracket))
            .ShouldBe([(OrderType.Limit, 5m, false), (OrderType.Market, 3m, false)]);
        result.FinalEquity.ShouldBe(10_000m);
    }

    [Fact]
    public void Resting_bracket_legs_of_a_position_held_at_the_end_are_reported_as_unfilled()
    {
        var aaa = Daily("AAA", Flat(100m), Flat(100m), Flat(101m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10), Bracket: new BracketSpec(0.05m, 0.10m)));
        }, aaa);

        // Entry at day 1's open of 100: stop-loss 95, take-profit 110; day 2's range 101 reaches neither.
        var legs = result.UnfilledOrders.ShouldHaveSingleItem();
        legs.IsBracket.ShouldBeTrue();
        legs.BracketQuantity.ShouldBe(10m);
        legs.StopLossPrice.ShouldBe(95m);
        legs.TakeProfitPrice.ShouldBe(110m);
    }

    [Fact]
    public void Buy_limit_fills_at_the_limit_or_at_a_better_open()
    {
        var aaa = Daily("AAA", Flat(100m), (99m, 100m, 96m, 97m), (94m, 95m, 93m, 94m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
            {
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(1), OrderType.Limit, LimitPrice: 97m));
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(1), OrderType.Limit, LimitPrice: 95m));
            }
        }, aaa);

        // Day 1: low 96 reaches the 97 limit (fills at 97); 95 is not reached. Day 2 opens at 94, below the 95 limit:
        // the fill is at the better open, 94.
        result.Fills.Select(f => (f.Time, f.Price)).ShouldBe([(Day(1), 97m), (Day(2), 94m)]);
        // Cash: 10,000 - 97 - 94 = 9,809
        result.FinalCash.ShouldBe(9_809m);
    }
}
