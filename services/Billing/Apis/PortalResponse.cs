namespace TradeNova.Billing.Apis;

/// <summary><paramref name="Url"/>: Stripe's Customer Portal; null: the subscription is managed on the SPA's billing page (local provider).</summary>
public sealed record PortalResponse(string? Url);
