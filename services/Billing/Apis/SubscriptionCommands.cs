using Microsoft.Extensions.Options;
using TradeNova.Billing.Providers;

namespace TradeNova.Billing.Apis;

/// <summary>What a user can do to their own subscription, through whichever provider is configured.</summary>
public sealed partial class SubscriptionCommands(
    BillingContext db,
    IBillingProvider provider,
    SubscriptionPublisher publisher,
    TimeProvider time,
    IOptions<BillingOptions> options,
    ILogger<SubscriptionCommands> logger)
{
    public async Task<Results<Ok<CheckoutResponse>, ProblemHttpResult>> CheckoutAsync(
        Guid userId, string idempotencyKey, HttpRequest request, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (subscription is null)
        {
            return BillingProblems.NoSubscription();
        }

        if (subscription.ProviderStatus is "active" or "past_due" or "trialing")
        {
            return BillingProblems.Conflict(
                "You are subscribed already.", subscription.CancelAtPeriodEnd ? "Resume the subscription instead." : "Manage it from the billing page.");
        }

        var url = await CallProviderAsync(() => provider.StartCheckoutAsync(subscription, UrlsFor(request), idempotencyKey, cancellationToken));
        if (url is { Error: { } error })
        {
            return error;
        }

        publisher.Refresh(subscription);
        if (await TrySaveAsync(cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(new CheckoutResponse(url.Value, SubscriptionResponses.From(subscription, provider.Name, options.Value, time.Now())));
    }

    public async Task<Results<Ok<PortalResponse>, ProblemHttpResult>> PortalAsync(
        Guid userId, string idempotencyKey, HttpRequest request, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (subscription is null)
        {
            return BillingProblems.NoSubscription();
        }

        if (subscription.ExternalCustomerId is null && provider.Name == BillingProviders.Stripe)
        {
            return BillingProblems.Conflict("Subscribe first.", "There are no payment details to manage yet.");
        }

        var url = await CallProviderAsync(() => provider.StartPortalAsync(subscription, UrlsFor(request), idempotencyKey, cancellationToken));
        return url is { Error: { } error } ? error : TypedResults.Ok(new PortalResponse(url.Value));
    }

    public async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> SetCancelAtPeriodEndAsync(
        Guid userId, bool cancel, string idempotencyKey, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (subscription is null)
        {
            return BillingProblems.NoSubscription();
        }

        var allowed = cancel
            ? subscription.ProviderStatus is "active" or "past_due" or "trialing" && !subscription.CancelAtPeriodEnd
            : subscription.ProviderStatus is "active" && subscription.CancelAtPeriodEnd;
        if (!allowed)
        {
            return BillingProblems.Conflict(cancel ? "There is no paid subscription to cancel." : "There is no canceled subscription to resume.");
        }

        var result = await CallProviderAsync(async () =>
        {
            await provider.SetCancelAtPeriodEndAsync(subscription, cancel, idempotencyKey, cancellationToken);
            return (string?)null;
        });
        if (result is { Error: { } error })
        {
            return error;
        }

        publisher.Refresh(subscription);
        if (await TrySaveAsync(cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(SubscriptionResponses.From(subscription, provider.Name, options.Value, time.Now()));
    }

    private ReturnUrls UrlsFor(HttpRequest request) =>
        ReturnUrls.For(string.IsNullOrWhiteSpace(options.Value.AppBaseUrl) ? $"{request.Scheme}://{request.Host}" : options.Value.AppBaseUrl);

    private async Task<ProviderCall> CallProviderAsync(Func<Task<string?>> call)
    {
        try
        {
            return new ProviderCall(await call(), null);
        }
        catch (BillingProviderException error)
        {
            LogProviderFailed(logger, error);
            return new ProviderCall(null, BillingProblems.ProviderFailed(error.Message));
        }
    }

    private async Task<ProblemHttpResult?> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return BillingProblems.Conflict("The subscription changed meanwhile.", "Reload and try again.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment provider call failed")]
    private static partial void LogProviderFailed(ILogger logger, Exception error);

    private sealed record ProviderCall(string? Value, ProblemHttpResult? Error);
}
