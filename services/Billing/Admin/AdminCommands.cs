using Microsoft.Extensions.Options;
using TradeNova.Billing.Apis;
using TradeNova.Billing.Local;
using TradeNova.Billing.Providers;

namespace TradeNova.Billing.Admin;

/// <summary>Admin changes to one subscription; each one and its reason go into the append-only audit log with the change.</summary>
public sealed class AdminCommands(
    BillingContext db,
    IBillingProvider provider,
    LocalRenewals renewals,
    SubscriptionPublisher publisher,
    TimeProvider time,
    IOptions<BillingOptions> options)
{
    public async Task<Results<Ok<AdminSubscriptionResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid userId, string action, string reason, int days, bool pastGrace, Guid adminId, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (subscription is null)
        {
            return TradeNova.ServiceDefaults.Problems.ProblemResults.NotFound("No subscription for this user.");
        }

        var now = time.Now();
        string detail;
        switch (action)
        {
            case AdminActions.Grant:
                subscription.GrantedUntil = now.AddDays(days);
                detail = $"access granted until {subscription.GrantedUntil:O}";
                break;
            case AdminActions.Extend:
                detail = Extend(subscription, days, now);
                break;
            case AdminActions.Cancel:
                try
                {
                    await provider.CancelNowAsync(subscription, $"tradenova-admin-cancel-{userId:N}-{Guid.NewGuid():N}", cancellationToken);
                }
                catch (BillingProviderException error)
                {
                    return BillingProblems.ProviderFailed(error.Message);
                }

                if (subscription.ProviderStatus is not null)
                {
                    subscription.ProviderStatus = "canceled";
                    subscription.CurrentPeriodEnd = now;
                    subscription.ProviderStateAt = now;
                }

                subscription.TrialEndsAt = subscription.TrialEndsAt > now ? now : subscription.TrialEndsAt;
                subscription.GrantedUntil = null;
                detail = "canceled now";
                break;
            default:
                if (provider.Name != BillingProviders.Local)
                {
                    return BillingProblems.Conflict("Simulations need the local provider.", "With Stripe, use Stripe's test clocks.");
                }

                var simulated = Simulate(subscription, action, pastGrace, now);
                if (simulated is null)
                {
                    return BillingProblems.Conflict("The subscription is not in a state this simulation applies to.", $"It is {subscription.Status}.");
                }

                detail = simulated;
                break;
        }

        publisher.Refresh(subscription);
        db.AdminAudit.Add(new AdminAuditEntry
        {
            AdminUserId = adminId,
            UserId = userId,
            Action = action,
            Reason = reason,
            Detail = $"{detail}; now {subscription.Status}",
            OccurredAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return BillingProblems.Conflict("The subscription changed meanwhile.", "Reload and try again.");
        }

        return TypedResults.Ok(new AdminSubscriptionResponse(
            subscription.UserId, subscription.Email, subscription.Plan, subscription.Status, subscription.Provider, subscription.ProviderStatus,
            subscription.TrialEndsAt, subscription.CurrentPeriodEnd, subscription.CancelAtPeriodEnd, subscription.AccessEndsAt,
            subscription.GrantedUntil, subscription.Version, subscription.StatusChangedAt));
    }

    /// <summary>Pushes the current access end out: the trial while trialing, otherwise complimentary time after what is paid.</summary>
    private string Extend(Subscription subscription, int days, DateTimeOffset now)
    {
        var state = SubscriptionEvaluator.Evaluate(subscription, now, options.Value.GracePeriod);
        if (state.Status == SubscriptionStatuses.Trialing && subscription.ProviderStatus is null)
        {
            subscription.TrialEndsAt = (subscription.TrialEndsAt > now ? subscription.TrialEndsAt.Value : now).AddDays(days);
            return $"trial extended to {subscription.TrialEndsAt:O}";
        }

        var from = new[] { subscription.GrantedUntil, state.AccessEndsAt, now }.Max()!.Value;
        subscription.GrantedUntil = from.AddDays(days);
        return $"access extended to {subscription.GrantedUntil:O}";
    }

    private string? Simulate(Subscription subscription, string action, bool pastGrace, DateTimeOffset now)
    {
        switch (action)
        {
            case AdminActions.SimulateTrialExpiry when subscription.TrialEndsAt > now:
                subscription.TrialEndsAt = now;
                return "trial ended now";
            case AdminActions.SimulatePaymentFailure when subscription.Provider == BillingProviders.Local && subscription.ProviderStatus == "active":
                subscription.FailNextPayment = true;
                subscription.CancelAtPeriodEnd = false;
                // pastGrace: the failed renewal happened a whole grace period ago, so the grace period is over now.
                subscription.CurrentPeriodEnd = pastGrace ? now - options.Value.GracePeriod : now;
                renewals.RenewDue(subscription, now);
                return pastGrace ? "renewal payment failed one grace period ago" : "renewal payment failed now";
            case AdminActions.SimulateRenewal when subscription.Provider == BillingProviders.Local && subscription.ProviderStatus == "active":
                subscription.CurrentPeriodEnd = now;
                renewals.RenewDue(subscription, now);
                return "renewed now";
            default:
                return null;
        }
    }
}
