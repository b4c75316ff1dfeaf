using Microsoft.Extensions.Options;
using Stripe;
using TradeNova.Billing.Providers;

namespace TradeNova.Billing.Stripe;

/// <summary>
/// One verified Stripe event, applied once: the event id goes into <c>stripe_events</c> in the same transaction
/// as its effect and the state change's outbox rows.
/// </summary>
public sealed partial class StripeWebhookHandler(
    BillingContext db,
    SubscriptionPublisher publisher,
    TimeProvider time,
    IOptions<BillingOptions> options,
    ILogger<StripeWebhookHandler> logger,
    StripeBillingProvider? stripe = null)
{
    /// <summary>Verifies the signature with the SDK; null and a reason when it is missing, tampered, stale or signed with another secret.</summary>
    public Event? Verify(string json, string? signatureHeader, out string? failure)
    {
        failure = null;
        var secret = options.Value.Stripe.WebhookSecret;
        if (string.IsNullOrEmpty(signatureHeader))
        {
            failure = "The Stripe-Signature header is missing.";
            return null;
        }

        try
        {
            return EventUtility.ConstructEvent(
                json,
                signatureHeader,
                secret,
                options.Value.Stripe.WebhookToleranceSeconds,
                time.GetUtcNow().ToUnixTimeSeconds(),
                throwOnApiVersionMismatch: false);
        }
        catch (StripeException error)
        {
            failure = error.Message;
            return null;
        }
    }

    public async Task<ApplyResult> HandleAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        using var activity = BillingTelemetry.ActivitySource.StartActivity("stripe webhook");
        activity?.SetTag("stripe.event_id", stripeEvent.Id);
        activity?.SetTag("stripe.event_type", stripeEvent.Type);
        var change = StripeEventParser.Parse(stripeEvent);
        if (change is CheckoutCompleted { SubscriptionId: { } subscriptionId } checkout && stripe is not null)
        {
            // The session only names the subscription; read it so access starts without waiting for its own event.
            var read = await stripe.GetSubscriptionAsync(subscriptionId, cancellationToken);
            change = checkout with { Subscription = StripeEventParser.ToSnapshot(read, checkout.EventId, "subscription.read", checkout.At) };
        }

        change ??= new IgnoredStripeEvent(stripeEvent.Id, stripeEvent.Type, BillingTime.FromUnix(stripeEvent.Created));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await new StripeEventApplier(options.Value.Plan).ApplyAsync(new EfBillingLedger(db, time), change, cancellationToken);
        if (outcome.Result == ApplyResult.Unmatched)
        {
            LogUnmatched(logger, stripeEvent.Id, stripeEvent.Type);
            await transaction.RollbackAsync(cancellationToken);
            return outcome.Result;
        }

        if (outcome.Subscription is { } subscription)
        {
            publisher.Refresh(subscription);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, stripeEvent.Id, stripeEvent.Type, outcome.Result);
        return outcome.Result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe event {EventId} ({Type}) names no known user yet; asking Stripe to retry")]
    private static partial void LogUnmatched(ILogger logger, string eventId, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}): {Result}")]
    private static partial void LogApplied(ILogger logger, string eventId, string type, ApplyResult result);
}
