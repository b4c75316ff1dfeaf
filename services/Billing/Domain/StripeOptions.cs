namespace TradeNova.Billing.Domain;

/// <summary>Stripe settings (<c>TradeNova:Billing:Stripe</c>); secrets come from the environment, never the repository.</summary>
public sealed class StripeOptions
{
    /// <summary>Secret API key (<c>sk_...</c>); when set, Stripe is the provider.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Webhook endpoint signing secret (<c>whsec_...</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The recurring $100/month price (<c>price_...</c>).</summary>
    public string? PriceId { get; set; }

    /// <summary>API base URL; empty = https://api.stripe.com. Tests point it at a Stripe-shaped server on loopback.</summary>
    public string? ApiBase { get; set; }

    /// <summary>Maximum age of a webhook signature.</summary>
    public long WebhookToleranceSeconds { get; set; } = 300;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}
