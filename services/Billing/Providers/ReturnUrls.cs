namespace TradeNova.Billing.Providers;

/// <summary>Where Stripe sends the user back to in the SPA.</summary>
public sealed record ReturnUrls(string Success, string Cancel, string Return)
{
    public static ReturnUrls For(string appBaseUrl)
    {
        var root = appBaseUrl.TrimEnd('/');
        return new ReturnUrls(
            $"{root}/billing?checkout=success&session_id={{CHECKOUT_SESSION_ID}}",
            $"{root}/billing?checkout=canceled",
            $"{root}/billing");
    }
}
