using TradeNova.Execution.Exchange;
using TradeNova.Trading.Costs;

namespace TradeNova.UnitTests.Execution;

/// <summary>Hand-worked fills of the paper exchange: one tick = one price and the shares on offer.</summary>
public class PaperMatcherTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Market_buy_fills_at_the_next_tick_price_without_costs_by_default()
    {
        var decision = Match(Order("buy", "market", quantity: 10m), price: 100.00m);

        (decision.FillQuantity, decision.FillPrice, decision.Fee, decision.CancelRemainder).ShouldBe((10m, 100.00m, 0m, false));
    }

    [Fact]
    public void Slippage_moves_market_fills_against_the_trader_and_commission_is_charged_on_top()
    {
        var costs = new PaperCosts(new PerShareCommission(0.005m, MinimumPerOrder: 1m), new FixedBpsSlippage(10m));

        var buy = PaperMatcher.Match(Order("buy", "market", quantity: 10m), new Tick(100.00m, 1_000m, At), costs);
        var sell = PaperMatcher.Match(Order("sell", "market", quantity: 300m), new Tick(100.00m, 1_000m, At), costs);

        (buy.FillPrice, buy.Fee).ShouldBe((100.10m, 1.00m)); // 100 + 10 bps; max(10 × 0.005, 1) = 1
        (sell.FillPrice, sell.Fee).ShouldBe((99.90m, 1.50m)); // 100 − 10 bps; 300 × 0.005 = 1.50
    }

    [Fact]
    public void Limit_buy_rests_above_the_market_and_fills_at_the_tick_price_once_reached_without_slippage()
    {
        var order = Order("buy", "limit", quantity: 5m, limit: 99.00m);
        var costs = new PaperCosts(ZeroCommission.Instance, new FixedBpsSlippage(10m));

        PaperMatcher.Match(order, new Tick(100.00m, 1_000m, At), costs).Fills.ShouldBeFalse();
        var filled = PaperMatcher.Match(order, new Tick(98.50m, 1_000m, At), costs);

        (filled.FillQuantity, filled.FillPrice).ShouldBe((5m, 98.50m)); // the limit or better; a limit is never slipped
        PaperMatcher.Match(order, new Tick(99.00m, 1_000m, At), costs).FillPrice.ShouldBe(99.00m);
    }

    [Fact]
    public void Limit_sell_fills_when_the_price_reaches_it()
    {
        var order = Order("sell", "limit", quantity: 5m, limit: 101.00m);

        Match(order, price: 100.99m).Fills.ShouldBeFalse();
        Match(order, price: 101.20m).FillPrice.ShouldBe(101.20m);
    }

    [Fact]
    public void Stop_sell_triggers_when_the_price_falls_to_it_and_a_gap_fills_at_the_gapped_price()
    {
        var order = Order("sell", "stop", quantity: 10m, stop: 95.00m);

        var above = Match(order, price: 96.00m);
        var gapped = Match(order, price: 93.40m);

        (above.Fills, above.StopTriggered).ShouldBe((false, false));
        (gapped.FillQuantity, gapped.FillPrice, gapped.StopTriggered).ShouldBe((10m, 93.40m, true));
    }

    [Fact]
    public void Stop_buy_triggers_at_or_above_the_stop_and_is_slipped_like_a_market_order()
    {
        var costs = new PaperCosts(ZeroCommission.Instance, new FixedBpsSlippage(20m));

        var decision = PaperMatcher.Match(Order("buy", "stop", quantity: 1m, stop: 50.00m), new Tick(50.00m, 100m, At), costs);

        decision.FillPrice.ShouldBe(50.10m); // 50 + 20 bps
    }

    [Fact]
    public void Stop_limit_becomes_a_limit_when_its_stop_is_reached_and_fills_only_within_the_limit()
    {
        var order = Order("buy", "stop_limit", quantity: 10m, limit: 106.00m, stop: 105.00m);

        var below = Match(order, price: 104.00m);
        var triggeredTooHigh = Match(order, price: 107.00m);
        var later = Match(order with { StopTriggered = true }, price: 105.50m);

        (below.StopTriggered, below.Fills).ShouldBe((false, false));
        (triggeredTooHigh.StopTriggered, triggeredTooHigh.Fills).ShouldBe((true, false));
        (later.FillQuantity, later.FillPrice).ShouldBe((10m, 105.50m));
    }

    [Fact]
    public void Order_larger_than_the_shares_on_offer_fills_partially_then_the_rest()
    {
        var order = Order("buy", "market", quantity: 120m);

        var first = Match(order, price: 10.00m, size: 50m);
        var last = Match(order with { FilledQuantity = 100m }, price: 10.02m, size: 50m);

        (first.FillQuantity, first.CancelRemainder).ShouldBe((50m, false));
        (last.FillQuantity, last.FillPrice).ShouldBe((20m, 10.02m));
    }

    [Fact]
    public void Immediate_or_cancel_takes_what_is_on_offer_and_cancels_the_rest()
    {
        var decision = Match(Order("buy", "market", quantity: 120m, timeInForce: "ioc"), price: 10.00m, size: 50m);

        (decision.FillQuantity, decision.CancelRemainder).ShouldBe((50m, true));
        decision.Reason.ShouldBe("immediate or cancel: 70 shares unfilled");
    }

    [Fact]
    public void Immediate_or_cancel_limit_that_is_not_marketable_is_canceled_unfilled()
    {
        var decision = Match(Order("buy", "limit", quantity: 10m, limit: 90m, timeInForce: "ioc"), price: 100.00m);

        (decision.Fills, decision.CancelRemainder).ShouldBe((false, true));
    }

    [Fact]
    public void Fill_or_kill_fills_everything_at_once_or_nothing()
    {
        var killed = Match(Order("buy", "market", quantity: 120m, timeInForce: "fok"), price: 10.00m, size: 50m);
        var filled = Match(Order("buy", "market", quantity: 40m, timeInForce: "fok"), price: 10.00m, size: 50m);

        (killed.Fills, killed.CancelRemainder).ShouldBe((false, true));
        (filled.FillQuantity, filled.CancelRemainder).ShouldBe((40m, false));
    }

    [Fact]
    public void Notional_order_buys_the_fractional_shares_the_amount_pays_for_at_the_fill_price()
    {
        var decision = Match(Order("buy", "market", quantity: null, notional: 1_000m), price: 300.00m, size: 1_000m);

        decision.ResolvedQuantity.ShouldBe(3.333333m); // floor(1000 / 300, 6 places)
        decision.FillQuantity.ShouldBe(3.333333m);
    }

    [Fact]
    public void Notional_too_small_for_one_share_step_is_rejected()
    {
        var decision = Match(Order("buy", "market", quantity: null, notional: 0.0001m), price: 1_000.00m);

        (decision.Reject, decision.Fills).ShouldBe((true, false));
    }

    [Fact]
    public void Bracket_legs_of_a_long_position_fill_like_their_order_types()
    {
        // Entry filled at 100: stop-loss 5% below (a sell stop at 95), take-profit 10% above (a sell limit at 110).
        var stopLoss = Order("sell", "stop", quantity: 10m, stop: 95.00m, timeInForce: "gtc");
        var takeProfit = Order("sell", "limit", quantity: 10m, limit: 110.00m, timeInForce: "gtc");

        Match(stopLoss, price: 100.00m).Fills.ShouldBeFalse();
        Match(takeProfit, price: 100.00m).Fills.ShouldBeFalse();
        Match(stopLoss, price: 94.90m).FillPrice.ShouldBe(94.90m);
        Match(takeProfit, price: 110.30m).FillPrice.ShouldBe(110.30m);
    }

    private static MatchDecision Match(WorkingOrder order, decimal price, decimal size = 1_000m) =>
        PaperMatcher.Match(order, new Tick(price, size, At), PaperCosts.Zero);

    private static WorkingOrder Order(
        string side, string type, decimal? quantity, decimal? limit = null, decimal? stop = null, string timeInForce = "day", decimal? notional = null) =>
        new(side, type, timeInForce, quantity, notional, 0m, limit, stop, false);
}
