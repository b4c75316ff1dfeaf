using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Tests.Engine;
using static TradeNova.Trading.Tests.Engine.TestBars;

namespace TradeNova.Trading.Tests.Risk;

/// <summary>The risk rules as the engine applies them: worked examples to the cent.</summary>
public class RiskScenarioTests
{
    private static readonly RiskLimits PositionCapOnly = RiskLimits.None with { MaxPositionFraction = 0.10m };

    [Fact]
    public void Order_over_the_position_limit_is_rejected_with_reason()
    {
        var aaa = Daily("AAA", Flat(100m), Flat(100m));

        var result = Scenario.Run(Scenario.Plain with { Risk = PositionCapOnly }, (ctx, step) =>
        {
            if (step == 0)
            {
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(11)));
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10)));
            }
        }, aaa);

        // Cap: 10% of 10,000 = 1,000. 11 × 100 (latest close) = 1,100 > 1,000 → rejected; 10 × 100 = 1,000 passes.
        var rejection = result.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RiskReasonCodes.MaxPosition);
        rejection.Message.ShouldBe("The AAA position would be worth 1100.00, above the limit of 10% of equity (1000.00).");
        rejection.Time.ShouldBe(Day(0));
        result.Fills.ShouldHaveSingleItem().Quantity.ShouldBe(10m);
    }

    [Fact]
    public void Opening_a_position_beyond_the_open_positions_limit_is_rejected()
    {
        var aaa = Daily("AAA", Flat(100m), Flat(100m), Flat(100m));
        var bbb = Daily("BBB", Flat(100m), Flat(100m), Flat(100m));

        var result = Scenario.Run(Scenario.Plain with { Risk = RiskLimits.None with { MaxOpenPositions = 1 } }, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(1)));
            if (step == 1)
            {
                ctx.Submit(new OrderRequest("BBB", OrderSide.Buy, OrderSizing.Shares(1)));
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(1))); // adds to an open position: allowed
            }
        }, aaa, bbb);

        result.Rejections.ShouldHaveSingleItem().Code.ShouldBe(RiskReasonCodes.MaxOpenPositions);
        result.Fills.Select(f => f.Symbol).ShouldBe(["AAA", "AAA"]);
    }

    [Fact]
    public void Daily_loss_halt_blocks_opening_orders_for_the_rest_of_that_day_only()
    {
        // Hourly bars. Monday 20:00 sets start-of-day equity for Tuesday at 10,000.
        var monday = Day(0).AddHours(20);
        var tuesday = Day(1);
        var bars = new[]
        {
            new Bar(monday, 100m, 100m, 100m, 100m, 1m),
            new Bar(tuesday.AddHours(14), 100m, 100m, 100m, 100m, 1m),
            new Bar(tuesday.AddHours(15), 100m, 100m, 90m, 90m, 1m),
            new Bar(tuesday.AddHours(16), 91m, 92m, 90m, 92m, 1m),
            new Bar(Day(2).AddHours(14), 92m, 93m, 91m, 93m, 1m),
            new Bar(Day(2).AddHours(15), 94m, 94m, 94m, 94m, 1m),
        };
        var options = Scenario.Plain with { Risk = RiskLimits.None with { DailyLossFraction = 0.05m } };

        var result = Scenario.Run(options, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(50)));
            if (step is 2 or 3 or 4)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(1), Tag: $"buy-{step}"));
            if (step == 2)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Sell, OrderSizing.Shares(10), Tag: "reduce"));
        }, new BarSeries("AAA", bars));

        // Tue 14:00: buy 50 @ 100 → cash 5,000, equity 10,000.
        // Tue 15:00: close 90 → equity 5,000 + 50 × 90 = 9,500 = 10,000 × (1 - 0.05): the limit is reached → halt.
        //   The opening buy is rejected; the reducing sell is accepted.
        // Tue 16:00: sell 10 @ 91 → cash 5,910; equity 5,910 + 40 × 92 = 9,590 — recovered, but the halt holds all day.
        // Wed 14:00: a new UTC date lifts the halt; the buy is accepted and fills Wed 15:00 @ 94.
        result.Rejections.Select(r => (r.Time, r.Request.Tag, r.Code)).ShouldBe([
            (tuesday.AddHours(15), "buy-2", RiskReasonCodes.DailyLossHalt),
            (tuesday.AddHours(16), "buy-3", RiskReasonCodes.DailyLossHalt),
        ]);
        result.Fills.Select(f => (f.Time, f.Side, f.Quantity, f.Price)).ShouldBe([
            (tuesday.AddHours(14), OrderSide.Buy, 50m, 100m),
            (tuesday.AddHours(16), OrderSide.Sell, 10m, 91m),
            (Day(2).AddHours(15), OrderSide.Buy, 1m, 94m),
        ]);
        // Cash 5,910 - 94 = 5,816; equity 5,816 + 41 × 94 = 9,670.
        result.FinalEquity.ShouldBe(9_670m);
        // Daily curve: Mon 10,000; Tue 9,590; Wed 9,670.
        result.EquityCurve.Select(p => p.Equity).ShouldBe([10_000m, 9_590m, 9_670m]);
    }

    [Fact]
    public void Drawdown_halt_holds_across_days()
    {
        var aaa = Daily("AAA", Flat(100m), Flat(100m), Flat(98m), Flat(96m), Flat(94m), Flat(94m));
        var options = Scenario.Plain with { Risk = RiskLimits.None with { MaxDrawdownFraction = 0.15m } };

        var result = Scenario.Run(options, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(90)));
            if (step >= 3)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(1), Tag: $"buy-{step}"));
        }, aaa);

        // 90 shares @ 100, cash 1,000. Peak 10,000. Day 4: 1,000 + 90 × 94 = 9,460 (5.4%) — under 15%, so no halt:
        // the buys of days 3 and 4 are accepted. This test checks the rule stays quiet below its threshold.
        result.Rejections.ShouldBeEmpty();

        var deep = Daily("AAA", Flat(100m), Flat(100m), Flat(80m), Flat(90m), Flat(100m), Flat(100m));
        var halted = Scenario.Run(options, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(100)));
            if (step >= 2)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(1), Tag: $"buy-{step}"));
        }, deep);

        // Day 2: equity 100 × 80 = 8,000 ≤ 10,000 × 0.85 = 8,500 → halted; it stays halted on later days even after
        // equity recovers (days 3, 4, 5 all rejected), because only a reset lifts it.
        halted.Rejections.Select(r => r.Request.Tag).ShouldBe(["buy-2", "buy-3", "buy-4", "buy-5"]);
        halted.Rejections.ShouldAllBe(r => r.Code == RiskReasonCodes.DrawdownHalt);
    }
}
