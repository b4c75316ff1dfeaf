namespace TradeNova.Billing.Domain;

/// <summary>
/// Derives the state from what is stored (trial end, the provider's snapshot, an admin grant) and the time, so
/// the same facts always give the same state whatever order they arrived in.
/// </summary>
public static class SubscriptionEvaluator
{
    public static SubscriptionState Evaluate(Subscription subscription, DateTimeOffset now, TimeSpan gracePeriod)
    {
        var state = EvaluatePaid(subscription, now, gracePeriod) ?? EvaluateTrial(subscription, now);
        var grant = subscription.GrantedUntil;
        if (grant is null || grant <= now)
        {
            return state;
        }

        return state.Entitled
            ? state with { NextReviewAt = Earliest(state.NextReviewAt, grant) }
            : new SubscriptionState(SubscriptionStatuses.Active, true, grant, grant, "granted by an admin");
    }

    /// <summary>The <c>sub_status</c> the token carries: past_due in grace and canceled-until-period-end still trade.</summary>
    public static string TokenStatus(string status) => status switch
    {
        SubscriptionStatuses.Trialing => SubscriptionStatuses.Trialing,
        SubscriptionStatuses.Active or SubscriptionStatuses.PastDue or SubscriptionStatuses.Canceled => SubscriptionStatuses.Active,
        _ => SubscriptionStatuses.Expired,
    };

    private static SubscriptionState EvaluateTrial(Subscription subscription, DateTimeOffset now) =>
        subscription.TrialEndsAt is { } trialEnd && trialEnd > now
            ? new SubscriptionState(SubscriptionStatuses.Trialing, true, trialEnd, trialEnd, "free trial")
            : new SubscriptionState(SubscriptionStatuses.Expired, false, null, null,
                subscription.TrialEndsAt is null ? "no subscription" : "the free trial ended");

    private static SubscriptionState? EvaluatePaid(Subscription subscription, DateTimeOffset now, TimeSpan gracePeriod)
    {
        var end = subscription.CurrentPeriodEnd;
        // Stripe's period end needs no review (Stripe renews and tells us); the local provider renews on this clock.
        var renewalReview = subscription.Provider == BillingProviders.Local ? end : null;
        switch (subscription.ProviderStatus)
        {
            case null or "incomplete":
                return null;
            case "trialing":
                return new SubscriptionState(SubscriptionStatuses.Trialing, true, end, null, "provider trial");
            case "active" when subscription.CancelAtPeriodEnd:
                return end > now
                    ? new SubscriptionState(SubscriptionStatuses.Canceled, true, end, end, "canceled; access until the period ends")
                    : new SubscriptionState(SubscriptionStatuses.Expired, false, null, null, "canceled at the end of the period");
            case "active":
                return new SubscriptionState(SubscriptionStatuses.Active, true, end, renewalReview, "paid");
            case "past_due":
                var graceEnd = (subscription.CurrentPeriodStart ?? subscription.ProviderStateAt ?? now) + gracePeriod;
                return graceEnd > now
                    ? new SubscriptionState(SubscriptionStatuses.PastDue, true, graceEnd, graceEnd, "payment failed; in the grace period")
                    : new SubscriptionState(SubscriptionStatuses.Expired, false, null, null, "payment failed and the grace period ended");
            case "canceled" when end > now:
                return new SubscriptionState(SubscriptionStatuses.Canceled, true, end, end, "canceled; access until the period ends");
            default:
                return new SubscriptionState(SubscriptionStatuses.Expired, false, null, null, $"subscription {subscription.ProviderStatus}");
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? first, DateTimeOffset? second) =>
        first is null ? second : second is null ? first : first < second ? first : second;
}
