namespace TradeNova.Billing.Apis;

/// <summary>The caller's subscription as the SPA shows it.</summary>
public sealed record SubscriptionResponse(
    Guid UserId,
    string Plan,
    string Status,
    bool Entitled,
    string Provider,
    decimal Price,
    string Currency,
    DateTimeOffset? TrialEndsAt,
    int? TrialDaysLeft,
    DateTimeOffset? CurrentPeriodEnd,
    DateTimeOffset? RenewsAt,
    bool CancelAtPeriodEnd,
    DateTimeOffset? AccessEndsAt,
    DateTimeOffset? GraceEndsAt,
    bool PaymentFailed,
    DateTimeOffset? GrantedUntil,
    bool CanSubscribe,
    bool CanCancel,
    bool CanResume,
    bool CanManage);
