namespace TradeNova.Billing.Stripe;

/// <summary>What one Stripe event says, reduced to the facts Billing keeps; <see cref="At"/> is the event's creation time.</summary>
public abstract record StripeChange(string EventId, string Type, DateTimeOffset At);
