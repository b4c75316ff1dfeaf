namespace TradeNova.Trading.Risk;

/// <summary>The answer of the pre-trade check: approved, or rejected with a stable <see cref="Code"/> (see
/// <see cref="RiskReasonCodes"/>) and a message a user can read.</summary>
public readonly record struct RiskDecision(bool IsApproved, string? Code, string? Message)
{
    public static RiskDecision Approved => new(true, null, null);

    public static RiskDecision Rejected(string code, string message) => new(false, code, message);
}
