using TradeNova.Contracts.Risk;
using TradeNova.Risk.Checks;
using TradeNova.Risk.Model;
using TradeNova.Trading.Risk;
using RiskReasonCodes = TradeNova.Contracts.Risk.RiskReasonCodes;

namespace TradeNova.UnitTests.Risk;

public class OrderRiskEvaluatorTests
{
    private static readonly RiskOptions Options = new();

    private static AccountView Account(decimal equity = 10_000m, decimal cash = 10_000m, Dictionary<string, decimal>? positions = null,
        RiskHaltStatus halts = RiskHaltStatus.None, bool entitled = true, bool killSwitch = false) =>
        new(equity, cash, positions ?? [], halts, false, killSwitch, entitled, entitled ? null : "canceled", true);

    private static OrderRiskInput Buy(string symbol, decimal quantity, decimal price, decimal? limit = null, decimal? stop = null, decimal? target = null) =>
        new(symbol, "buy", limit is null ? "market" : "limit", quantity, price, limit, stop, target);

    [Fact]
    public void Opening_buy_within_limits_is_approved_with_the_default_bracket()
    {
        var result = OrderRiskEvaluator.Evaluate(RiskLimits.PlatformDefaults, Account(), Buy("AAPL", 5m, 100m), 100m, 1, Options);

        result.Approved.ShouldBeTrue();
        result.StopLossPrice.ShouldBe(95.00m);
        result.TakeProfitPrice.ShouldBe(110.00m);
    }

    [Fact]
    public void Every_violation_is_reported_together()
    {
        var positions = Enumerable.Range(0, 10).ToDictionary(i => $"S{i}", _ => 1m);
        var result = OrderRiskEvaluator.Evaluate(
            RiskLimits.PlatformDefaults,
            Account(cash: 500m, positions: positions, halts: RiskHaltStatus.DailyLoss | RiskHaltStatus.Drawdown, entitled: false, killSwitch: true),
            Buy("MSFT", 20m, 100m, limit: 150m),
            100m,
            31,
            Options);

        result.Approved.ShouldBeFalse();
        result.Violations.Select(v => v.Code).ShouldBe(
            [
                RiskReasonCodes.OrderRate, RiskReasonCodes.PriceCollar, RiskReasonCodes.Entitlement, RiskReasonCodes.Halted,
                RiskReasonCodes.Drawdown, RiskReasonCodes.DailyLoss, RiskReasonCodes.MaxOpenPositions, RiskReasonCodes.MaxPosition,
                RiskReasonCodes.BuyingPower,
            ],
            ignoreOrder: true);
        result.StopLossPrice.ShouldBeNull();
    }

    [Fact]
    public void Closing_sell_passes_while_halted_and_carries_no_bracket()
    {
        var result = OrderRiskEvaluator.Evaluate(
            RiskLimits.PlatformDefaults,
            Account(positions: new() { ["AAPL"] = 10m }, halts: RiskHaltStatus.DailyLoss | RiskHaltStatus.Drawdown, killSwitch: true),
            new OrderRiskInput("AAPL", "sell", "market", 10m, 100m, null, null, null),
            100m, 1, Options);

        result.Approved.ShouldBeTrue();
        result.IsOpening.ShouldBeFalse();
        result.TakeProfitPrice.ShouldBeNull();
    }

    [Fact]
    public void Sell_beyond_the_position_and_unknown_symbol_are_refused()
    {
        var result = OrderRiskEvaluator.Evaluate(
            RiskLimits.PlatformDefaults, Account(), new OrderRiskInput("ZZZZ", "sell", "market", 1m, 10m, null, null, null), null, 1, Options);

        result.Violations.Select(v => v.Code).ShouldBe([RiskReasonCodes.UnknownSymbol, RiskReasonCodes.ShortSelling], ignoreOrder: true);
    }

    [Fact]
    public void Own_bracket_within_limits_is_kept_and_a_wider_stop_is_refused()
    {
        var own = OrderRiskEvaluator.Evaluate(RiskLimits.PlatformDefaults, Account(), Buy("AAPL", 5m, 100m, stop: 97m, target: 130m), 100m, 1, Options);
        own.Approved.ShouldBeTrue();
        (own.StopLossPrice, own.TakeProfitPrice).ShouldBe((97m, 130m));

        var wide = OrderRiskEvaluator.Evaluate(RiskLimits.PlatformDefaults, Account(), Buy("AAPL", 5m, 100m, stop: 90m), 100m, 1, Options);
        wide.Violations.Single().Code.ShouldBe(RiskReasonCodes.BracketOutsideLimits);

        var wrongSide = OrderRiskEvaluator.Evaluate(RiskLimits.PlatformDefaults, Account(), Buy("AAPL", 5m, 100m, target: 99m), 100m, 1, Options);
        wrongSide.Violations.Single().Code.ShouldBe(RiskReasonCodes.BracketOutsideLimits);
    }

    [Fact]
    public void Position_of_eleven_percent_of_equity_is_refused_with_max_position()
    {
        var result = OrderRiskEvaluator.Evaluate(RiskLimits.PlatformDefaults, Account(), Buy("AAPL", 11m, 100m), 100m, 1, Options);

        result.Violations.Single().Code.ShouldBe(RiskReasonCodes.MaxPosition);
    }
}
