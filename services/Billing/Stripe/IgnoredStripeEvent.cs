namespace TradeNova.Billing.Stripe;

/// <summary>An event type Billing does not act on; still recorded so a redelivery is recognised.</summary>
public sealed record IgnoredStripeEvent(string EventId, string Type, DateTimeOffset At) : StripeChange(EventId, Type, At);
