namespace TradeNova.Contracts.Execution;

/// <summary>An order was refused before reaching a broker (risk, entitlement, halt) or by the broker.</summary>
public sealed record OrderRejected(Guid UserId, Guid OrderId, string Symbol, string Reason, DateTimeOffset RejectedAt);
