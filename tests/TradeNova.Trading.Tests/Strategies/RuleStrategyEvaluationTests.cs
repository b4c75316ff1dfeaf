using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Strategies.BuiltIn;
using TradeNova.Trading.Strategies.Rules;
using TradeNova.Trading.Tests.IndicatorTests;
using static TradeNova.Trading.Tests.StrategyTests.StrategyDriver;

namespace TradeNova.Trading.Tests.StrategyTests;

/// <summary>Compiled rule strategies on small hand-made series, and one check against a built-in strategy on real data.</summary>
public sealed class RuleStrategyEvaluationTests
{
    private static RuleStrategy Compile(string entry, string exit, string symbols = """["SPX"]""", decimal fraction = 0.5m)
    {
        var result = RuleStrategyParser.Parse(
            $$"""{"symbols":{{symbols}},"entry":{{entry}},"exit":{{exit}},"sizing":{"fractionOfEquity":{{fraction}}""" + "}}");
        result.Errors.ShouldBeEmpty();
        return new RuleStrategy(result.Definition!);
    }

    [Fact]
    public void Price_comparisons_can_look_back_with_bars_ago()
    {
        // Enter on an up close, exit on a down close: 10, 11 (buy), 12, 11 (sell), 13 (buy).
        var strategy = Compile(
            """{"op":">","left":"close","right":{"price":"close","barsAgo":1}}""",
            """{"op":"<","left":"close","right":{"price":"close","barsAgo":1}}""");
        RunCloses(strategy, "SPX", 10, 11, 12, 11, 13).Signals()
            .ShouldBe(["1:Buy:SPX:PercentOfEquity", "3:Sell:SPX:EntirePosition", "4:Buy:SPX:PercentOfEquity"]);
    }

    [Fact]
    public void Entries_are_sized_as_the_configured_fraction_of_equity()
    {
        var strategy = Compile("""{"op":">","left":"close","right":0}""", """{"op":"<","left":"close","right":0}""", fraction: 0.3m);
        RunCloses(strategy, "SPX", 10).Orders.ShouldHaveSingleItem().Order.Sizing.ShouldBe(OrderSizing.PercentOfEquity(0.3m));
    }

    [Fact]
    public void All_needs_every_condition_and_any_needs_one()
    {
        // Volume 1000 on every bar but the third (400). all[close > 10, volume > 500] enters on bar 3 (close 12, vol 1000),
        // not bar 2 (close 11 but vol 400); any[close < 9, volume < 500] exits on bar 4 (close 8).
        var strategy = Compile(
            """{"all":[{"op":">","left":"close","right":10},{"op":">","left":"volume","right":500}]}""",
            """{"any":[{"op":"<","left":"close","right":9},{"op":"<","left":"volume","right":500}]}""");
        (string, Bar)[][] steps =
        [
            [("SPX", Bar(0, 10))], [("SPX", Bar(1, 10))], [("SPX", Bar(2, 11, volume: 400))], [("SPX", Bar(3, 12))], [("SPX", Bar(4, 8))],
        ];
        Run(strategy, steps).Signals().ShouldBe(["3:Buy:SPX:PercentOfEquity", "4:Sell:SPX:EntirePosition"]);
    }

    [Fact]
    public void A_breakout_rule_with_a_lagged_channel_matches_the_donchian_strategy()
    {
        var rule = Compile(
            """{"op":">","left":"close","right":{"indicator":"highest","period":3,"barsAgo":1}}""",
            """{"op":"<","left":"close","right":{"indicator":"lowest","period":2,"barsAgo":1}}""");
        decimal[] closes = [10, 11, 10, 12, 11, 9];
        var ruleSignals = RunCloses(rule, "SPX", closes).Orders.Select(o => (o.Step, o.Order.Side));
        var builtInSignals = RunCloses(new DonchianBreakoutStrategy(new DonchianBreakoutParameters("SPX", 3, 2)), "SPX", closes)
            .Orders.Select(o => (o.Step, o.Order.Side));
        ruleSignals.ShouldBe(builtInSignals);
        ruleSignals.Count().ShouldBe(2);
    }

    [Fact]
    public void Conditions_on_indicators_that_are_not_ready_are_false()
    {
        var strategy = Compile("""{"op":"<","left":{"indicator":"rsi","period":14},"right":101}""", """{"op":"<","left":"close","right":0}""");
        RunCloses(strategy, "SPX", 10, 9, 8, 7, 6).Orders.ShouldBeEmpty();
    }

    [Fact]
    public void Each_symbol_is_evaluated_with_its_own_indicators()
    {
        var strategy = Compile(
            """{"op":"crossesAbove","left":"close","right":{"indicator":"sma","period":2}}""",
            """{"op":"crossesBelow","left":"close","right":{"indicator":"sma","period":2}}""",
            symbols: """["AAA","BBB"]""");
        decimal[] a = [10, 9, 12, 13], b = [10, 11, 12, 9];
        var context = Run(strategy, [.. Enumerable.Range(0, 4).Select(i => new[] { ("AAA", Bar(i, a[i])), ("BBB", Bar(i, b[i])) })]);
        // AAA: close - SMA2 = -, -0.5, +1.5 (cross above at 2), +0.5. BBB: -, +0.5, +0.5, -1.5 — never crossed above from below.
        context.Signals().ShouldBe(["2:Buy:AAA:PercentOfEquity"]);
    }

    [Fact]
    public void A_crossover_rule_signals_on_the_same_bars_as_the_sma_crossover_strategy_over_the_sp500_history()
    {
        var rule = Compile(
            """{"op":"crossesAbove","left":{"indicator":"sma","period":10},"right":{"indicator":"sma","period":30}}""",
            """{"op":"crossesBelow","left":{"indicator":"sma","period":10},"right":{"indicator":"sma","period":30}}""");
        var builtIn = new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX"));
        var steps = Sp500Bars.All.Select(b => new[] { ("SPX", b) }).ToArray();

        var ruleSignals = Run(rule, steps).Orders.Select(o => (o.Step, o.Order.Side)).ToArray();
        var builtInSignals = Run(builtIn, steps).Orders.Select(o => (o.Step, o.Order.Side)).ToArray();
        ruleSignals.ShouldBe(builtInSignals);
        ruleSignals.Length.ShouldBeGreaterThan(100);
    }
}
