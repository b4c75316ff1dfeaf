namespace TradeNova.Contracts.Billing;

/// <summary>The user's subscription stopped granting access (cancelled, unpaid, ...); <paramref name="Status"/> says which.</summary>
public sealed record SubscriptionDeactivated(Guid UserId, string Plan, string Status, string Reason, DateTimeOffset DeactivatedAt);
