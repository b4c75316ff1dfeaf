namespace TradeNova.Contracts.Billing;

/// <summary>The user's subscription is paid and active until <paramref name="CurrentPeriodEnd"/>.</summary>
public sealed record SubscriptionActivated(Guid UserId, string Plan, string Status, DateTimeOffset CurrentPeriodEnd, DateTimeOffset ActivatedAt);
