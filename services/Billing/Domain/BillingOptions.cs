namespace TradeNova.Billing.Domain;

/// <summary>Settings under <c>TradeNova:Billing</c>.</summary>
public sealed class BillingOptions
{
    public const string Section = "TradeNova:Billing";

    /// <summary>The one plan, as the <c>plan</c> claim carries it.</summary>
    public string Plan { get; set; } = "standard";

    /// <summary>Monthly price shown to users; Stripe charges what <see cref="StripeOptions.PriceId"/> says.</summary>
    public decimal Price { get; set; } = 100m;

    public string Currency { get; set; } = "usd";

    /// <summary>Free trial every new user gets on registration.</summary>
    public TimeSpan TrialPeriod { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a past_due subscription stays entitled after the failed renewal.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often the clock looks for trials, periods and grace periods that ended.</summary>
    public TimeSpan ClockInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Base URL of the SPA for Stripe's success/cancel/return URLs; empty = the URL the request came in on.</summary>
    public string? AppBaseUrl { get; set; }

    public LocalProviderOptions Local { get; set; } = new();

    public StripeOptions Stripe { get; set; } = new();
}
