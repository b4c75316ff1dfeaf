namespace TradeNova.Billing.Stripe;

/// <summary>An invoice as <c>invoice.paid</c> / <c>invoice.payment_failed</c> carried it; <see cref="PaymentStatus"/> is the attempt.</summary>
public sealed record InvoiceSnapshot(
    string EventId,
    string Type,
    DateTimeOffset At,
    string InvoiceId,
    string? CustomerId,
    string? SubscriptionId,
    string Status,
    decimal AmountDue,
    decimal AmountPaid,
    string Currency,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    string? HostedInvoiceUrl,
    DateTimeOffset CreatedAt,
    string PaymentStatus)
    : StripeChange(EventId, Type, At);
