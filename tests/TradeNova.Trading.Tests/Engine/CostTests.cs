using TradeNova.Trading.Costs;
using TradeNova.Trading.Orders;
using static TradeNova.Trading.Tests.Engine.TestBars;

namespace TradeNova.Trading.Tests.Engine;

public class CostTests
{
    [Fact]
    public void Per_share_commission_with_a_minimum_is_charged_per_order_and_split_across_trades()
    {
        // 0.01 per share, at least 1.00 per order.
        var options = Scenario.Plain with { Commission = new PerShareCommission(0.01m, MinimumPerOrder: 1.00m) };
        var aaa = Daily("AAA", Flat(20m), Flat(20m), Flat(21m), Flat(22m));

        var result = Scenario.Run(options, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(50)));
            if (step == 1)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(150)));
            if (step == 2)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Sell, OrderSizing.EntirePosition()));
        }, aaa);

        // Buy 50 @ 20: 50 × 0.01 = 0.50 → minimum 1.00;  cash 10,000 - 1,000 - 1.00 = 8,999.00
        // Buy 150 @ 21: 150 × 0.01 = 1.50;                cash 8,999 - 3,150 - 1.50 = 5,847.50
        // Sell 200 @ 22: 200 × 0.01 = 2.00;               cash 5,847.50 + 4,400 - 2.00 = 10,245.50
        result.Fills.Select(f => f.Commission).ShouldBe([1.00m, 1.50m, 2.00m]);
        result.FeesPaid.ShouldBe(4.50m);
        result.FinalEquity.ShouldBe(10_245.50m);
        // FIFO trades; the sell's 2.00 splits by quantity: 50/200 → 0.50, 150/200 → 1.50.
        // Lot 1: (22 - 20) × 50 - (1.00 + 0.50) = 98.50;  lot 2: (22 - 21) × 150 - (1.50 + 1.50) = 147.00
        result.Trades.Select(t => (t.Quantity, t.Fees, t.NetProfit)).ShouldBe([(50m, 1.50m, 98.50m), (150m, 3.00m, 147.00m)]);
        result.Trades.Sum(t => t.NetProfit).ShouldBe(result.FinalEquity - 10_000m);
    }

    [Fact]
    public void All_cash_buys_floor_of_cash_over_price_plus_per_share_cost()
    {
        var options = Scenario.Plain with { Commission = new PerShareCommission(0.01m, MinimumPerOrder: 1.00m) };
        var aaa = Daily("AAA", Flat(100m), Flat(99.99m));

        var result = Scenario.Run(options, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.AllCash()));
        }, aaa);

        // floor(10,000 / (99.99 + 0.01)) = 100 shares; cost 100 × 99.99 + 1.00 = 10,000.00 — exactly the cash.
        var fill = result.Fills.ShouldHaveSingleItem();
        (fill.Quantity, fill.Price, fill.Commission).ShouldBe((100m, 99.99m, 1.00m));
        result.FinalCash.ShouldBe(0.00m);
    }

    [Fact]
    public void Fixed_and_percentage_commissions_combine_under_one_minimum()
    {
        // 1.00 per order + 0.1% of notional, at least 5.00 in total.
        var model = new CombinedCommission([new FixedPerOrderCommission(1.00m), new PercentOfNotionalCommission(0.001m)], minimumPerOrder: 5.00m);

        model.Commission(10m, 100m).ShouldBe(5.00m);    // 1.00 + 1.00 = 2.00 → minimum 5.00
        model.Commission(100m, 100m).ShouldBe(11.00m);  // 1.00 + 10,000 × 0.001 = 11.00
        new PercentOfNotionalCommission(0.001m, 2.50m).Commission(10m, 100m).ShouldBe(2.50m); // 1.00 → 2.50
    }

    [Fact]
    public void Fixed_bps_slippage_moves_market_fills_against_the_trader()
    {
        var options = Scenario.Plain with { Slippage = new FixedBpsSlippage(10m) };
        var aaa = Daily("AAA", Flat(100m), (100m, 101m, 99m, 100m), (110m, 111m, 109m, 110m));

        var result = Scenario.Run(options, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10)));
            if (step == 1)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Sell, OrderSizing.EntirePosition()));
        }, aaa);

        // 10 bps: buy 100 × 1.001 = 100.10; sell 110 × 0.999 = 109.89. Cash 10,000 - 1,001.0 + 1,098.9 = 10,097.90
        result.Fills.Select(f => f.Price).ShouldBe([100.10m, 109.89m]);
        result.FinalEquity.ShouldBe(10_097.90m);
    }

    [Fact]
    public void Range_slippage_is_a_fraction_of_the_fill_bars_high_low_range()
    {
        var options = Scenario.Plain with { Slippage = new RangeFractionSlippage(0.10m) };
        var aaa = Daily("AAA", Flat(100m), (100m, 103m, 99m, 102m));

        var result = Scenario.Run(options, (ctx, step) =>
        {
            if (step == 0)
                ctx.Submit(new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(10)));
        }, aaa);

        // Range 103 - 99 = 4; 10% of it = 0.40 → the buy fills at 100.40. Cash 10,000 - 1,004 = 8,996.
        result.Fills.ShouldHaveSingleItem().Price.ShouldBe(100.40m);
        result.FinalCash.ShouldBe(8_996.00m);
    }
}
