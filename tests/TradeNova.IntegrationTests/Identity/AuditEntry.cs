namespace TradeNova.IntegrationTests.Identity;

/// <summary>One row of <c>identity.audit_log</c>.</summary>
public sealed record AuditEntry(long Id, string Action, Guid? UserId, string? Email, string? Detail);
