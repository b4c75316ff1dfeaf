using TradeNova.Trading.Orders;
using TradeNova.Trading.Strategies.BuiltIn;
using static TradeNova.Trading.Tests.StrategyTests.StrategyDriver;

namespace TradeNova.Trading.Tests.StrategyTests;

/// <summary>Each built-in strategy on a short series whose signals are worked out by hand (see the comments).</summary>
public sealed class BuiltInStrategyTests
{
    [Fact]
    public void Sma_crossover_buys_all_cash_on_a_cross_above_and_sells_everything_on_a_cross_below()
    {
        // SMA2:  -, 10, 10, 10.5, 11.5, 10.5, 8.5, 8, 10
        // SMA3:  -, -, 10, 10.33, 11, 10.67, 9.67, 8.33, 9.33
        // bar 3: fast was equal (≤) and is now above → buy; bar 5: was above, now below → sell; bar 8: above again.
        var strategy = new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 2, 3));
        var context = RunCloses(strategy, "SPX", 10, 10, 10, 11, 12, 9, 8, 8, 12);
        context.Signals().ShouldBe(["3:Buy:SPX:AllCash", "5:Sell:SPX:EntirePosition", "8:Buy:SPX:AllCash"]);
        context.Orders.ShouldAllBe(o => o.Order.Type == OrderType.Market);
    }

    [Fact]
    public void Sma_crossover_does_nothing_on_the_first_bar_both_averages_are_ready()
    {
        // At bar 2 SMA2 = 2.5 > SMA3 = 2, but there is no previous pair to cross from.
        var context = RunCloses(new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 2, 3)), "SPX", 1, 2, 3, 4, 5);
        context.Orders.ShouldBeEmpty();
    }

    [Fact]
    public void Sma_crossover_skips_an_entry_while_an_order_is_pending_and_ignores_steps_without_its_bar()
    {
        var strategy = new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 2, 3));
        var context = new RecordingStrategyContext();
        context.Pending.Add("SPX");
        decimal[] closes = [10, 10, 10, 11, 12];
        for (var i = 0; i < closes.Length; i++)
        {
            context.Advance(Start.AddDays(i), ("SPX", Bar(i, closes[i])));
            strategy.OnBar(context);
            context.Advance(Start.AddDays(i).AddHours(12), ("OTHER", Bar(i, 1)));
            strategy.OnBar(context);
        }
        context.Orders.ShouldBeEmpty();
    }

    [Fact]
    public void Ema_crossover_follows_the_same_rules_with_exponential_averages()
    {
        // EMA2 (α 2/3) and EMA3 (α 1/2) seeded at 10; closes 10, 10, 10, 13, 7: bar 3 EMA2 12 > EMA3 11.5 → buy;
        // bar 4: EMA2 = 12 + (7-12)·2/3 = 8.67 < EMA3 = 11.5 + (7-11.5)/2 = 9.25 → sell.
        var context = RunCloses(new EmaCrossoverStrategy(new EmaCrossoverParameters("SPX", 2, 3)), "SPX", 10, 10, 10, 13, 7);
        context.Signals().ShouldBe(["3:Buy:SPX:AllCash", "4:Sell:SPX:EntirePosition"]);
    }

    [Fact]
    public void Buy_and_hold_buys_each_symbol_once_on_its_first_bar_in_equal_parts()
    {
        var strategy = new BuyAndHoldStrategy(new BuyAndHoldParameters(["AAA", "BBB"]));
        var context = Run(strategy,
        [
            [("AAA", Bar(0, 10))],
            [("AAA", Bar(1, 11))],
            [("AAA", Bar(2, 12)), ("BBB", Bar(2, 50))],
            [("AAA", Bar(3, 12)), ("BBB", Bar(3, 50))],
        ]);
        context.Signals().ShouldBe(["0:Buy:AAA:PercentOfEquity", "2:Buy:BBB:PercentOfEquity"]);
        context.Orders.ShouldAllBe(o => o.Order.Sizing.Value == 0.5m);
    }

    [Fact]
    public void Buy_and_hold_of_one_symbol_uses_all_the_cash()
    {
        var context = RunCloses(new BuyAndHoldStrategy(new BuyAndHoldParameters(["SPX"])), "SPX", 10, 11, 12);
        context.Signals().ShouldBe(["0:Buy:SPX:AllCash"]);
    }

    [Fact]
    public void Rsi_mean_reversion_buys_when_oversold_and_sells_when_overbought()
    {
        // RSI(2): bar 2 after two losses → 0 (buy); bar 3 gain 1 → avg gain 0.5, loss 0.5 → 50; bar 4 gain 1 →
        // gain 0.75, loss 0.25 → 75 (sell).
        var context = RunCloses(new RsiMeanReversionStrategy(new RsiMeanReversionParameters("SPX", 2, 30, 70)), "SPX", 10, 9, 8, 9, 10);
        context.Signals().ShouldBe(["2:Buy:SPX:AllCash", "4:Sell:SPX:EntirePosition"]);
    }

    [Fact]
    public void Bollinger_mean_reversion_buys_below_the_lower_band_and_sells_back_at_the_middle()
    {
        // Period 3, k 1: bar 3 window 10,10,7 → mean 9, σ √2, lower 7.59 > 7 → buy;
        // bar 4 window 10,7,9 → mean 8.67 ≤ 9 → sell.
        var context = RunCloses(new BollingerMeanReversionStrategy(new BollingerMeanReversionParameters("SPX", 3, 1)), "SPX", 10, 10, 10, 7, 9);
        context.Signals().ShouldBe(["3:Buy:SPX:AllCash", "4:Sell:SPX:EntirePosition"]);
    }

    [Fact]
    public void Donchian_breakout_compares_the_close_with_the_channel_of_the_previous_bars()
    {
        // Entry 3: bar 3 close 12 > max(10, 11, 10) → buy. Exit 2: bar 4 close 11 ≥ min(10, 12); bar 5 close 9 < min(12, 11) → sell.
        var context = RunCloses(new DonchianBreakoutStrategy(new DonchianBreakoutParameters("SPX", 3, 2)), "SPX", 10, 11, 10, 12, 11, 9);
        context.Signals().ShouldBe(["3:Buy:SPX:AllCash", "5:Sell:SPX:EntirePosition"]);
    }

    [Fact]
    public void Momentum_rotation_holds_the_best_performer_and_rotates_on_rebalance_days()
    {
        // Lookback 2, top 1, every 2 steps. Step 2: A +20%, B 0%, C -20% → buy A. Step 4: A 12→12 = 0%, B 10→14 = +40%,
        // so A is sold (first, to free cash) and B bought.
        decimal[] a = [10, 11, 12, 13, 12, 11], b = [10, 10, 10, 10, 14, 16], c = [10, 9, 8, 7, 6, 5];
        var strategy = new MomentumRotationStrategy(new MomentumRotationParameters(["AAA", "BBB", "CCC"], 2, 1, 2));
        var context = Run(strategy, [.. Enumerable.Range(0, 6).Select(i => new[] { ("AAA", Bar(i, a[i])), ("BBB", Bar(i, b[i])), ("CCC", Bar(i, c[i])) })]);
        context.Signals().ShouldBe(["2:Buy:AAA:PercentOfEquity", "4:Sell:AAA:EntirePosition", "4:Buy:BBB:PercentOfEquity"]);
        strategy.CurrentTargets.ShouldBe(["BBB"]);
    }

    [Fact]
    public void Exits_cancel_pending_orders_of_the_symbol_first_so_bracket_legs_do_not_outlive_the_position()
    {
        var context = RunCloses(new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 2, 3)), "SPX", 10, 10, 10, 11, 12, 9);
        context.Cancellations.ShouldBe(["SPX"]);
    }
}
