namespace TradeNova.Billing.Stripe;

/// <summary>A Stripe subscription object as an event carried it (<c>customer.subscription.*</c>) or as read from the API.</summary>
public sealed record SubscriptionSnapshot(
    string EventId,
    string Type,
    DateTimeOffset At,
    string SubscriptionId,
    string? CustomerId,
    Guid? UserId,
    string Status,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    bool CancelAtPeriodEnd)
    : StripeChange(EventId, Type, At);
