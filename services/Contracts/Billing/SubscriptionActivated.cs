namespace TradeNova.Contracts.Billing;

/// <summary>
/// The user's subscription grants access (<paramref name="Status"/> <c>trialing</c> or <c>active</c>) until
/// <paramref name="CurrentPeriodEnd"/>. <paramref name="ActivatedAt"/> is when this state took effect and
/// <paramref name="Version"/> (Billing's per-user counter; 0 from older publishers) orders it among the user's
/// other subscription events: a consumer ignores one older than what it applied.
/// </summary>
public sealed record SubscriptionActivated(
    Guid UserId, string Plan, string Status, DateTimeOffset CurrentPeriodEnd, DateTimeOffset ActivatedAt, long Version = 0);
