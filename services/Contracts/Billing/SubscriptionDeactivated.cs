namespace TradeNova.Contracts.Billing;

/// <summary>
/// The user's subscription stopped granting access (trial ended, unpaid past the grace period, canceled and the
/// period ended); <paramref name="Status"/> says which. <paramref name="DeactivatedAt"/> and
/// <paramref name="Version"/> order it as in <see cref="SubscriptionActivated"/>.
/// </summary>
public sealed record SubscriptionDeactivated(
    Guid UserId, string Plan, string Status, string Reason, DateTimeOffset DeactivatedAt, long Version = 0);
