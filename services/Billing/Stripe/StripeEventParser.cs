using Stripe;
using Stripe.Checkout;
using StripeSubscription = Stripe.Subscription;
using StripeInvoice = Stripe.Invoice;

namespace TradeNova.Billing.Stripe;

/// <summary>Turns the SDK's verified <see cref="Event"/> into a <see cref="StripeChange"/>; null for types Billing ignores.</summary>
public static class StripeEventParser
{
    public const string UserIdMetadataKey = "user_id";

    public static readonly IReadOnlySet<string> HandledTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "checkout.session.completed",
        "customer.subscription.created",
        "customer.subscription.updated",
        "customer.subscription.deleted",
        "invoice.paid",
        "invoice.payment_failed",
    };

    public static StripeChange? Parse(Event stripeEvent)
    {
        var at = BillingTime.FromUnix(stripeEvent.Created);
        return stripeEvent.Data?.Object switch
        {
            Session session when stripeEvent.Type == "checkout.session.completed" => new CheckoutCompleted(
                stripeEvent.Id, at, ParseUserId(session.ClientReferenceId), session.CustomerId, session.SubscriptionId),
            StripeSubscription subscription when HandledTypes.Contains(stripeEvent.Type) =>
                ToSnapshot(subscription, stripeEvent.Id, stripeEvent.Type, at),
            StripeInvoice invoice when stripeEvent.Type is "invoice.paid" or "invoice.payment_failed" =>
                ToSnapshot(invoice, stripeEvent.Id, stripeEvent.Type, at),
            _ => null,
        };
    }

    public static SubscriptionSnapshot ToSnapshot(StripeSubscription subscription, string eventId, string type, DateTimeOffset at)
    {
        // Since API 2025-03-31 the billing period lives on the subscription items; one plan means one item.
        var item = subscription.Items?.Data?.FirstOrDefault();
        return new SubscriptionSnapshot(
            eventId,
            type,
            at,
            subscription.Id,
            subscription.CustomerId,
            subscription.Metadata is { } metadata && metadata.TryGetValue(UserIdMetadataKey, out var userId) ? ParseUserId(userId) : null,
            subscription.Status,
            item is null ? null : BillingTime.FromUnix(item.CurrentPeriodStart),
            item is null ? null : BillingTime.FromUnix(item.CurrentPeriodEnd),
            subscription.CancelAtPeriodEnd);
    }

    private static InvoiceSnapshot ToSnapshot(StripeInvoice invoice, string eventId, string type, DateTimeOffset at)
    {
        var line = invoice.Lines?.Data?.FirstOrDefault();
        return new InvoiceSnapshot(
            eventId,
            type,
            at,
            invoice.Id,
            invoice.CustomerId,
            invoice.Parent?.SubscriptionDetails?.SubscriptionId,
            invoice.Status ?? "open",
            ToMajorUnit(invoice.AmountDue),
            ToMajorUnit(invoice.AmountPaid),
            invoice.Currency ?? "usd",
            line?.Period is { } period ? BillingTime.FromUnix(period.Start) : BillingTime.FromUnix(invoice.PeriodStart),
            line?.Period is { } linePeriod ? BillingTime.FromUnix(linePeriod.End) : BillingTime.FromUnix(invoice.PeriodEnd),
            invoice.HostedInvoiceUrl,
            BillingTime.FromUnix(invoice.Created),
            type == "invoice.paid" ? PaymentStatuses.Succeeded : PaymentStatuses.Failed);
    }

    /// <summary>Stripe amounts are in the smallest unit (cents for USD, the only currency the plan uses).</summary>
    private static decimal ToMajorUnit(long amount) => amount / 100m;

    private static Guid? ParseUserId(string? value) => Guid.TryParse(value, out var userId) && userId != Guid.Empty ? userId : null;
}
