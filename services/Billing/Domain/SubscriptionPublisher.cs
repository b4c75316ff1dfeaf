using Microsoft.Extensions.Options;
using TradeNova.Contracts.Billing;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Billing.Domain;

/// <summary>
/// Re-derives a subscription's state and, when it changed, stages SubscriptionActivated/Deactivated in the
/// outbox with the next version, so the change and its event commit together and consumers can order them.
/// </summary>
public sealed class SubscriptionPublisher(IOutbox outbox, TimeProvider time, IOptions<BillingOptions> options)
{
    public bool Refresh(Subscription subscription)
    {
        var now = time.Now();
        var state = SubscriptionEvaluator.Evaluate(subscription, now, options.Value.GracePeriod);
        subscription.NextReviewAt = state.NextReviewAt;
        if (subscription.Version > 0 && state.Status == subscription.Status && state.AccessEndsAt == subscription.AccessEndsAt)
        {
            return false;
        }

        subscription.Status = state.Status;
        subscription.AccessEndsAt = state.AccessEndsAt;
        subscription.StatusChangedAt = now;
        subscription.Version++;
        if (state.Entitled)
        {
            outbox.Add(new SubscriptionActivated(
                subscription.UserId, subscription.Plan, SubscriptionEvaluator.TokenStatus(state.Status), state.AccessEndsAt ?? now, now, subscription.Version));
        }
        else
        {
            outbox.Add(new SubscriptionDeactivated(
                subscription.UserId, subscription.Plan, SubscriptionStatuses.Expired, state.Reason, now, subscription.Version));
        }

        return true;
    }
}
