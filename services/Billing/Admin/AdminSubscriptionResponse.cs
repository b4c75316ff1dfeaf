namespace TradeNova.Billing.Admin;

public sealed record AdminSubscriptionResponse(
    Guid UserId,
    string Email,
    string Plan,
    string Status,
    string? Provider,
    string? ProviderStatus,
    DateTimeOffset? TrialEndsAt,
    DateTimeOffset? CurrentPeriodEnd,
    bool CancelAtPeriodEnd,
    DateTimeOffset? AccessEndsAt,
    DateTimeOffset? GrantedUntil,
    long Version,
    DateTimeOffset StatusChangedAt);
