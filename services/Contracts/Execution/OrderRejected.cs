namespace TradeNova.Contracts.Execution;

/// <summary>
/// An order was refused before reaching a broker (risk, entitlement, halt) or by the broker.
/// <paramref name="Reason"/> is a sentence for people; <paramref name="ReasonCodes"/> are the stable codes of every
/// reason that applied (see <c>TradeNova.Contracts.Risk.RiskReasonCodes</c>, or <c>broker.*</c>).
/// </summary>
public sealed record OrderRejected(
    Guid UserId,
    Guid OrderId,
    string Symbol,
    string Reason,
    IReadOnlyList<string> ReasonCodes,
    DateTimeOffset RejectedAt,
    string Mode = "paper");
