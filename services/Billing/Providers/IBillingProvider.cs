namespace TradeNova.Billing.Providers;

/// <summary>Runs paid subscriptions: Stripe when its keys are configured, otherwise the local provider.</summary>
public interface IBillingProvider
{
    string Name { get; }

    /// <summary>Starts a subscription: a URL to send the user to (Stripe Checkout), or null when it is active already (local).</summary>
    Task<string?> StartCheckoutAsync(Subscription subscription, ReturnUrls urls, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>A URL where the user manages payment details (Stripe's Customer Portal); null when the SPA manages it (local).</summary>
    Task<string?> StartPortalAsync(Subscription subscription, ReturnUrls urls, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Cancels at the end of the period (<paramref name="cancel"/> true) or takes that back.</summary>
    Task SetCancelAtPeriodEndAsync(Subscription subscription, bool cancel, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Ends the paid subscription now (admin).</summary>
    Task CancelNowAsync(Subscription subscription, string idempotencyKey, CancellationToken cancellationToken);
}
