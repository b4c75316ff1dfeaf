using System.Globalization;

namespace TradeNova.Trading.Risk;

/// <summary>The pre-trade risk rules, pure: the same function approves orders in backtests and in the live Risk
/// service, so a strategy cannot behave differently in the two. Rules are checked in a fixed order (halts first,
/// then open positions, then position size) so the reported reason is deterministic.</summary>
public static class PreTradeRiskCheck
{
    public static RiskDecision Evaluate(RiskLimits limits, in AccountSnapshot account, in ProposedOrder order)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!order.IsOpening)
        {
            return RiskDecision.Approved;
        }

        if ((account.Halt & RiskHaltStatus.Drawdown) != 0 && limits.MaxDrawdownFraction is not null)
        {
            return RiskDecision.Rejected(RiskReasonCodes.DrawdownHalt,
                $"Trading is halted: equity fell {Percent(limits.MaxDrawdownFraction.Value)} or more from its peak; only closing orders are accepted until the halt is reset.");
        }

        if ((account.Halt & RiskHaltStatus.DailyLoss) != 0 && limits.DailyLossFraction is not null)
        {
            return RiskDecision.Rejected(RiskReasonCodes.DailyLossHalt,
                $"Trading is halted for today: the day's loss reached {Percent(limits.DailyLossFraction.Value)} of start-of-day equity; only closing orders are accepted.");
        }

        if (limits.MaxOpenPositions is { } maxOpen && order.CurrentPosition == 0m && account.OpenPositions >= maxOpen)
        {
            return RiskDecision.Rejected(RiskReasonCodes.MaxOpenPositions,
                $"Opening {order.Symbol} would exceed the limit of {maxOpen} open positions.");
        }

        if (limits.MaxPositionFraction is { } maxFraction)
        {
            var value = Math.Abs(order.ResultingPosition) * order.ReferencePrice;
            var cap = account.Equity * maxFraction;
            if (value > cap)
            {
                return RiskDecision.Rejected(RiskReasonCodes.MaxPosition,
                    string.Create(CultureInfo.InvariantCulture,
                        $"The {order.Symbol} position would be worth {value:0.00}, above the limit of {Percent(maxFraction)} of equity ({cap:0.00})."));
            }
        }

        return RiskDecision.Approved;
    }

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
