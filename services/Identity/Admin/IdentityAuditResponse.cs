namespace TradeNova.Identity.Admin;

/// <summary>One entry of Identity's audit log: sign-ins, failures, locks, sessions ended, password changes, suspensions.</summary>
public sealed record IdentityAuditResponse(long Id, DateTimeOffset At, string Action, Guid? UserId, string? Email, string? IpAddress, string? Detail);
