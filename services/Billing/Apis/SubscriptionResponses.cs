namespace TradeNova.Billing.Apis;

public static class SubscriptionResponses
{
    public static SubscriptionResponse From(Subscription subscription, string provider, BillingOptions options, DateTimeOffset now)
    {
        var state = SubscriptionEvaluator.Evaluate(subscription, now, options.GracePeriod);
        var trialing = state.Status == SubscriptionStatuses.Trialing && subscription.ProviderStatus is null;
        var paidActive = subscription.ProviderStatus is "active" or "past_due" or "trialing";
        return new SubscriptionResponse(
            subscription.UserId,
            subscription.Plan,
            state.Status,
            state.Entitled,
            subscription.Provider ?? provider,
            options.Price,
            options.Currency,
            subscription.TrialEndsAt,
            trialing && subscription.TrialEndsAt is { } trialEnd ? (int)Math.Ceiling((trialEnd - now).TotalDays) : null,
            subscription.CurrentPeriodEnd,
            state.Status == SubscriptionStatuses.Active && !subscription.CancelAtPeriodEnd && subscription.ProviderStatus == "active"
                ? subscription.CurrentPeriodEnd
                : null,
            subscription.CancelAtPeriodEnd,
            state.AccessEndsAt,
            state.Status == SubscriptionStatuses.PastDue ? state.AccessEndsAt : null,
            subscription.ProviderStatus == "past_due",
            subscription.GrantedUntil,
            CanSubscribe: !paidActive,
            CanCancel: paidActive && !subscription.CancelAtPeriodEnd,
            CanResume: subscription.ProviderStatus == "active" && subscription.CancelAtPeriodEnd && state.Entitled,
            CanManage: subscription.ExternalCustomerId is not null);
    }
}
