namespace TradeNova.Billing.Stripe;

/// <summary><c>checkout.session.completed</c>: links the user (client_reference_id) to Stripe's customer and subscription.</summary>
public sealed record CheckoutCompleted(
    string EventId, DateTimeOffset At, Guid? UserId, string? CustomerId, string? SubscriptionId)
    : StripeChange(EventId, "checkout.session.completed", At)
{
    /// <summary>The subscription as read from Stripe when the session completed, stamped with the event's time.</summary>
    public SubscriptionSnapshot? Subscription { get; init; }
}
