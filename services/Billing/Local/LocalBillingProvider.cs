using Microsoft.Extensions.Options;
using TradeNova.Billing.Providers;

namespace TradeNova.Billing.Local;

/// <summary>
/// Subscriptions without Stripe: "checkout" succeeds at once (a simulated card), the SPA is the portal, and
/// <see cref="LocalRenewals"/> renews, fails and cancels on Billing's own clock.
/// </summary>
public sealed class LocalBillingProvider(LocalRenewals renewals, TimeProvider time, IOptions<BillingOptions> options) : IBillingProvider
{
    public string Name => BillingProviders.Local;

    public Task<string?> StartCheckoutAsync(Subscription subscription, ReturnUrls urls, string idempotencyKey, CancellationToken cancellationToken)
    {
        var now = time.Now();
        subscription.Provider = BillingProviders.Local;
        subscription.ExternalCustomerId ??= $"local_cus_{subscription.UserId:N}";
        subscription.ExternalSubscriptionId = $"local_sub_{Guid.CreateVersion7(now):N}";
        subscription.ProviderStatus = "active";
        subscription.CancelAtPeriodEnd = false;
        subscription.FailNextPayment = false;
        subscription.CurrentPeriodStart = now;
        subscription.CurrentPeriodEnd = now + options.Value.Local.PeriodLength;
        subscription.ProviderStateAt = now;
        renewals.Charge(subscription, succeeded: true, now);
        return Task.FromResult<string?>(null);
    }

    public Task<string?> StartPortalAsync(Subscription subscription, ReturnUrls urls, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    public Task SetCancelAtPeriodEndAsync(Subscription subscription, bool cancel, string idempotencyKey, CancellationToken cancellationToken)
    {
        subscription.CancelAtPeriodEnd = cancel;
        subscription.ProviderStateAt = time.Now();
        return Task.CompletedTask;
    }

    public Task CancelNowAsync(Subscription subscription, string idempotencyKey, CancellationToken cancellationToken)
    {
        var now = time.Now();
        if (subscription.ProviderStatus is not null)
        {
            subscription.ProviderStatus = "canceled";
            subscription.CurrentPeriodEnd = now;
            subscription.ProviderStateAt = now;
        }

        return Task.CompletedTask;
    }
}
