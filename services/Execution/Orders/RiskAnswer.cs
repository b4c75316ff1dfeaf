using TradeNova.Contracts.Risk;

namespace TradeNova.Execution.Orders;

/// <summary>Risk's verdict on one order, or <see cref="Unavailable"/> when Risk did not answer.</summary>
public sealed record RiskAnswer(bool Approved, IReadOnlyList<RiskViolation> Violations, decimal? StopLossPrice, decimal? TakeProfitPrice)
{
    public const string UnavailableMessage = "Risk did not answer; the order was not sent.";

    public static readonly RiskAnswer Unavailable = new(false, [new RiskViolation(RiskReasonCodes.Unavailable, UnavailableMessage)], null, null);

    public static RiskAnswer From(OrderRiskChecked answer) =>
        new(answer.Approved, answer.Violations ?? [], answer.StopLossPrice, answer.TakeProfitPrice);
}
