namespace TradeNova.Billing.Apis;

/// <summary><paramref name="Url"/>: go there (Stripe); null: done already (local provider), see <paramref name="Subscription"/>.</summary>
public sealed record CheckoutResponse(string? Url, SubscriptionResponse Subscription);
