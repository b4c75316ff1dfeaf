namespace TradeNova.Identity.Admin;

/// <summary>A user as operators see them: who they are, their role and subscription, and any suspension in force.</summary>
public sealed record AdminUserResponse(
    Guid Id,
    string Email,
    string DisplayName,
    string Role,
    string SubscriptionStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SuspendedAt,
    string? SuspendedReason);
