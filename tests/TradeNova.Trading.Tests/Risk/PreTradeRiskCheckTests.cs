using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;

namespace TradeNova.Trading.Tests.Risk;

public class PreTradeRiskCheckTests
{
    private static readonly AccountSnapshot Account = new(Equity: 100_000m, OpenPositions: 2, Halt: RiskHaltStatus.None);

    [Fact]
    public void Platform_defaults_are_the_documented_values()
    {
        RiskLimits.PlatformDefaults.ShouldBe(new RiskLimits(0.10m, 10, 0.05m, 0.15m, 0.05m, 0.10m));
        RiskLimits.None.ShouldBe(new RiskLimits(null, null, null, null, null, null));
    }

    [Fact]
    public void Order_over_position_limit_is_rejected_with_reason()
    {
        // 10% of 100,000 = 10,000; 101 × 100 = 10,100.
        var decision = PreTradeRiskCheck.Evaluate(RiskLimits.PlatformDefaults, Account, new ProposedOrder("AAA", OrderSide.Buy, 101m, 100m, 0m));

        decision.IsApproved.ShouldBeFalse();
        decision.Code.ShouldBe(RiskReasonCodes.MaxPosition);
    }

    [Fact]
    public void Adding_to_a_position_counts_the_whole_resulting_position()
    {
        // Holding 60, buying 41: 101 × 100 = 10,100 > 10,000.
        PreTradeRiskCheck.Evaluate(RiskLimits.PlatformDefaults, Account, new ProposedOrder("AAA", OrderSide.Buy, 41m, 100m, 60m))
            .Code.ShouldBe(RiskReasonCodes.MaxPosition);
        PreTradeRiskCheck.Evaluate(RiskLimits.PlatformDefaults, Account, new ProposedOrder("AAA", OrderSide.Buy, 40m, 100m, 60m))
            .IsApproved.ShouldBeTrue();
    }

    [Fact]
    public void Closing_orders_pass_every_halt()
    {
        var halted = Account with { Halt = RiskHaltStatus.DailyLoss | RiskHaltStatus.Drawdown };

        PreTradeRiskCheck.Evaluate(RiskLimits.PlatformDefaults, halted, new ProposedOrder("AAA", OrderSide.Sell, 500m, 100m, 500m))
            .IsApproved.ShouldBeTrue();
        PreTradeRiskCheck.Evaluate(RiskLimits.PlatformDefaults, halted, new ProposedOrder("AAA", OrderSide.Buy, 1m, 100m, 0m))
            .Code.ShouldBe(RiskReasonCodes.DrawdownHalt);
    }

    [Fact]
    public void Flipping_a_position_is_an_opening_order()
    {
        var order = new ProposedOrder("AAA", OrderSide.Sell, 15m, 100m, 10m);

        order.ResultingPosition.ShouldBe(-5m);
        order.IsOpening.ShouldBeTrue();
        PreTradeRiskCheck.Evaluate(RiskLimits.PlatformDefaults, Account with { Halt = RiskHaltStatus.DailyLoss }, order)
            .Code.ShouldBe(RiskReasonCodes.DailyLossHalt);
    }

    [Fact]
    public void Open_positions_limit_applies_only_to_a_new_symbol()
    {
        var full = Account with { OpenPositions = 10 };

        PreTradeRiskCheck.Evaluate(RiskLimits.PlatformDefaults, full, new ProposedOrder("NEW", OrderSide.Buy, 1m, 100m, 0m))
            .Code.ShouldBe(RiskReasonCodes.MaxOpenPositions);
        PreTradeRiskCheck.Evaluate(RiskLimits.PlatformDefaults, full, new ProposedOrder("OLD", OrderSide.Buy, 1m, 100m, 5m))
            .IsApproved.ShouldBeTrue();
    }

    [Fact]
    public void No_limits_approve_everything()
    {
        var halted = Account with { Halt = RiskHaltStatus.Drawdown };

        PreTradeRiskCheck.Evaluate(RiskLimits.None, halted, new ProposedOrder("AAA", OrderSide.Buy, 1_000_000m, 100m, 0m))
            .ShouldBe(RiskDecision.Approved);
    }

    [Fact]
    public void Default_bracket_is_attached_only_to_opening_orders_without_one()
    {
        var order = new OrderRequest("AAA", OrderSide.Buy, OrderSizing.Shares(1));
        var own = order with { Bracket = new BracketSpec(0.02m, null) };

        DefaultBracketPolicy.Apply(RiskLimits.PlatformDefaults, order, isOpening: true).Bracket.ShouldBe(new BracketSpec(0.05m, 0.10m));
        DefaultBracketPolicy.Apply(RiskLimits.PlatformDefaults, order, isOpening: false).Bracket.ShouldBeNull();
        DefaultBracketPolicy.Apply(RiskLimits.PlatformDefaults, own, isOpening: true).Bracket.ShouldBe(own.Bracket);
        DefaultBracketPolicy.Apply(RiskLimits.None, order, isOpening: true).Bracket.ShouldBeNull();
    }
}
