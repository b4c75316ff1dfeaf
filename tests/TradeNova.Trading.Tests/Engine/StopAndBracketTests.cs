using TradeNova.Trading.Engine;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using static TradeNova.Trading.Tests.Engine.TestBars;

namespace TradeNova.Trading.Tests.Engine;

public class StopAndBracketTests
{
    [Fact]
    public void A_gap_through_a_stop_fills_at_the_open_not_at_the_stop()
    {
        // Day 1 opens at 100: buy 10. Day 2's close: place a sell stop at 95. Day 3 opens at 90, below the stop.
        var aaa = Daily("AAA", Flat(100m), (100m, 101m, 99m, 100m), (100m, 100m, 98m, 99m), (90m, 92m, 88m, 91m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10)));
            if (step == 2)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Sell, OrderSizing.EntirePosition(), OrderType.Stop, StopPrice: 95m));
        }, aaa);

        var exit = result.Fills[^1];
        exit.Time.ShouldBe(Day(3));
        exit.Price.ShouldBe(90m); // the open: nobody could sell at 95 once the market opened at 90
        // Cash: 10,000 - 10 × 100 + 10 × 90 = 9,900.00
        result.FinalEquity.ShouldBe(9_900.00m);
        var trade = result.Trades.ShouldHaveSingleItem();
        (trade.EntryPrice, trade.ExitPrice, trade.NetProfit).ShouldBe((100m, 90m, -100m));
    }

    [Fact]
    public void A_stop_inside_the_bars_range_fills_at_the_stop()
    {
        var aaa = Daily("AAA", Flat(100m), (100m, 101m, 99m, 100m), (97m, 98m, 94m, 96m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10)));
            if (step == 1)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Sell, OrderSizing.EntirePosition(), OrderType.Stop, StopPrice: 95m));
        }, aaa);

        // Day 2 opens at 97 and trades down to 94: the stop at 95 fills at 95. Cash 9,000 + 950 = 9,950.
        result.Fills[^1].Price.ShouldBe(95m);
        result.FinalEquity.ShouldBe(9_950m);
    }

    [Fact]
    public void Bracket_take_profit_fills_when_only_it_is_reached()
    {
        // Entry fills at day 1's open, 100: stop-loss 100 × 0.95 = 95, take-profit 100 × 1.10 = 110.
        // Day 2 ranges 101–111: the take-profit is reached, the stop is not.
        var aaa = Daily("AAA", Flat(100m), (100m, 104m, 99m, 103m), (105m, 111m, 101m, 108m), Flat(120m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10), Bracket: new BracketSpec(0.05m, 0.10m)));
        }, aaa);

        var exit = result.Fills[^1];
        (exit.Time, exit.Side, exit.Price, exit.Reason).ShouldBe((Day(2), OrderSide.Sell, 110.00m, "take_profit"));
        // Cash: 10,000 - 1,000 + 10 × 110 = 10,100.00; flat afterwards, so day 3's jump to 120 changes nothing.
        result.FinalEquity.ShouldBe(10_100.00m);
        var trade = result.Trades.ShouldHaveSingleItem();
        (trade.NetProfit, trade.ExitReason).ShouldBe((100.00m, "take_profit"));
        result.OpenPositions.ShouldBeEmpty();
    }

    [Fact]
    public void Bracket_with_both_legs_in_one_bars_range_assumes_the_stop_loss_first()
    {
        var aaa = Daily("AAA", Flat(100m), (100m, 104m, 99m, 103m), (100m, 111m, 94m, 108m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10), Bracket: new BracketSpec(0.05m, 0.10m)));
        }, aaa);

        // Day 2 ranges 94–111, through both 95 and 110; the path is unknown, so the loss is assumed: 10 × 95.
        (result.Fills[^1].Price, result.Fills[^1].Reason).ShouldBe((95.00m, "stop_loss"));
        // Cash: 9,000 + 950 = 9,950.00
        result.FinalEquity.ShouldBe(9_950.00m);
    }

    [Fact]
    public void Bracket_take_profit_gapped_through_at_the_open_fills_at_the_open()
    {
        var aaa = Daily("AAA", Flat(100m), (100m, 104m, 99m, 103m), (112m, 113m, 94m, 100m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10), Bracket: new BracketSpec(0.05m, 0.10m)));
        }, aaa);

        // The open, 112, is already beyond the 110 take-profit: it fills first, at the open, even though the bar later
        // trades down through the stop. Cash: 9,000 + 1,120 = 10,120.
        (result.Fills[^1].Price, result.Fills[^1].Reason).ShouldBe((112m, "take_profit"));
        result.FinalEquity.ShouldBe(10_120m);
    }

    [Fact]
    public void Platform_defaults_attach_a_5_percent_stop_loss_to_an_opening_order()
    {
        // Position cap 10%: 10 shares × 100 = 1,000 of 10,000 equity, exactly at the cap.
        var options = Scenario.Plain with { Risk = RiskLimits.PlatformDefaults };
        var aaa = Daily("AAA", Flat(100m), (100m, 102m, 99m, 101m), (99m, 100m, 94.9m, 96m));

        var result = Scenario.Run(options, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10)));
        }, aaa);

        // Entry 100, default stop 95.00, default take-profit 110.00; day 2's low of 94.9 hits the stop at 95.
        result.Rejections.ShouldBeEmpty();
        (result.Fills[^1].Price, result.Fills[^1].Reason).ShouldBe((95.00m, "stop_loss"));
        // Cash: 9,000 + 950 = 9,950.00
        result.FinalEquity.ShouldBe(9_950.00m);
    }

    [Fact]
    public void An_exit_signal_cancels_the_remaining_bracket()
    {
        var aaa = Daily("AAA", Flat(100m), (100m, 101m, 99m, 100m), (101m, 102m, 100m, 101m), (80m, 80m, 80m, 80m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10), Bracket: new BracketSpec(0.05m, 0.10m)));
            if (step == 1)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Sell, OrderSizing.EntirePosition()));
        }, aaa);

        // The exit fills at day 2's open (101); the bracket is cancelled with the position, so day 3's 80 sells nothing.
        result.Fills.Count.ShouldBe(2);
        result.FinalEquity.ShouldBe(10_010m);
        result.Rejections.ShouldBeEmpty();
    }

    [Fact]
    public void Bracket_legs_are_not_counted_as_pending_strategy_orders()
    {
        var aaa = Daily("AAA", Flat(100m), Flat(100m), Flat(100m));
        var pending = new List<bool>();

        Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(1), Bracket: new BracketSpec(0.05m, 0.10m)));
            pending.Add(ctx.HasPendingOrder("AAA"));
        }, aaa);

        pending.ShouldBe([true, false, false]);
    }
}
