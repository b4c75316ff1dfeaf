using TradeNova.Trading.Engine;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Strategies;
using static TradeNova.Trading.Tests.Engine.TestBars;

namespace TradeNova.Trading.Tests.Engine;

public class PortfolioTests
{
    [Fact]
    public void Two_symbols_share_one_cash_balance()
    {
        var aaa = Daily("AAA", Flat(100m), Flat(100m), (101m, 102m, 100m, 102m));
        var bbb = Daily("BBB", Flat(50m), Flat(50m), (40m, 42m, 39m, 41m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
            {
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(60)));
                ctx.Submit(new OrderRequest("BBB", OrderSide.Buy, OrderSizing.Shares(100)));
            }

            if (step == 1)
                ctx.Submit(new OrderRequest("BBB", OrderSide.Buy, OrderSizing.AllCash()));
        }, aaa, bbb);

        // Day 1, in submission order: AAA 60 × 100 = 6,000 → cash 4,000; BBB 100 × 50 = 5,000 > 4,000 → rejected.
        var rejected = result.Rejections.ShouldHaveSingleItem();
        (rejected.Time, rejected.Request.Symbol, rejected.Code).ShouldBe((Day(1), "BBB", OrderRejectionCodes.InsufficientCash));
        // Day 2: BBB all cash at the open of 40: floor(4,000 / 40) = 100 shares → cash 0.
        result.Fills.Select(f => (f.Symbol, f.Quantity, f.Price)).ShouldBe([("AAA", 60m, 100m), ("BBB", 100m, 40m)]);
        result.FinalCash.ShouldBe(0m);
        // Equity day 2: 60 × 102 + 100 × 41 = 6,120 + 4,100 = 10,220
        result.FinalEquity.ShouldBe(10_220m);
        result.OpenPositions.Select(p => p.Symbol).ShouldBe(["AAA", "BBB"]);
    }

    [Fact]
    public void Selling_short_is_rejected_unless_enabled()
    {
        var aaa = Daily("AAA", Flat(100m), Flat(100m), Flat(90m));
        void Script(IStrategyContext ctx, int step)
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Sell, OrderSizing.Shares(10)));
            if (step == 1)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.EntirePosition()));
        }

        var longOnly = Scenario.Run(Scenario.Plain, Script, aaa);
        longOnly.Rejections.Select(r => r.Code).ShouldBe([OrderRejectionCodes.ShortSellingDisabled, OrderRejectionCodes.NothingToClose]);
        longOnly.FinalEquity.ShouldBe(10_000m);

        var withShorts = Scenario.Run(Scenario.Plain with { AllowShortSelling = true }, Script, aaa);
        // Short 10 @ 100 (cash 11,000), cover 10 @ 90 (cash 10,100): profit (90 - 100) × -10 = 100.
        withShorts.FinalEquity.ShouldBe(10_100m);
        var trade = withShorts.Trades.ShouldHaveSingleItem();
        (trade.Quantity, trade.NetProfit).ShouldBe((-10m, 100m));
    }

    [Fact]
    public void Fractional_shares_are_opt_in()
    {
        var aaa = Daily("AAA", Flat(300m), Flat(300m));
        void Script(IStrategyContext ctx, int step)
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.AllCash()));
        }

        // Whole shares: floor(10,000 / 300) = 33 → 9,900 spent, 100 left.
        Scenario.Run(Scenario.Plain, Script, aaa).Fills.ShouldHaveSingleItem().Quantity.ShouldBe(33m);
        // Fractional (steps of 0.000001): floor(10,000 / 300 / 0.000001) × 0.000001 = 33.333333
        Scenario.Run(Scenario.Plain with { AllowFractionalShares = true }, Script, aaa).Fills.ShouldHaveSingleItem().Quantity.ShouldBe(33.333333m);
    }

    [Fact]
    public void Percent_of_equity_is_sized_at_the_fill_price()
    {
        var aaa = Daily("AAA", Flat(100m), (101m, 102m, 100m, 101m));

        var result = Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.PercentOfEquity(0.5m)));
        }, aaa);

        // 50% of 10,000 = 5,000 at the fill price 101 (not the signal close 100): floor(5,000 / 101) = 49 shares.
        result.Fills.ShouldHaveSingleItem().Quantity.ShouldBe(49m);
        // Cash 10,000 - 49 × 101 = 5,051; equity 5,051 + 49 × 101 = 10,000.
        result.FinalEquity.ShouldBe(10_000m);
    }

    [Fact]
    public void The_strategy_sees_only_the_current_step()
    {
        var aaa = Daily("AAA", Flat(100m), null, Flat(102m));
        var bbb = Daily("BBB", Flat(50m), Flat(51m), Flat(52m));
        var seen = new List<string>();

        Scenario.Run(Scenario.Plain, (ctx, step) =>
        {
            var a = ctx.TryGetBar("AAA", out var barA) ? $"{barA.Close}@{(barA.Time == ctx.Time ? "now" : "other")}" : "none";
            var b = ctx.TryGetBar("BBB", out var barB) ? $"{barB.Close}@{(barB.Time == ctx.Time ? "now" : "other")}" : "none";
            seen.Add($"{a} {b}");
        }, aaa, bbb);

        seen.ShouldBe(["100@now 50@now", "none 51@now", "102@now 52@now"]);
    }
}
