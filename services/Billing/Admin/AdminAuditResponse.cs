namespace TradeNova.Billing.Admin;

public sealed record AdminAuditResponse(long Id, Guid AdminUserId, Guid UserId, string Action, string Reason, string? Detail, DateTimeOffset OccurredAt);
