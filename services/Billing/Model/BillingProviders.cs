namespace TradeNova.Billing.Model;

/// <summary>Who runs a user's paid subscription.</summary>
public static class BillingProviders
{
    public const string Local = "local";
    public const string Stripe = "stripe";
}
