namespace TradeNova.IntegrationTests.Billing;

/// <summary>
/// Identity and Billing with the local provider (no Stripe keys) on a fast clock: a 15 s trial, 4 s periods, a 4 s
/// grace period and a review every second, so renewals, failures and expiries happen while a test watches.
/// </summary>
public sealed class LocalBillingFixture : BillingFixture
{
    public static readonly TimeSpan Trial = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(4);
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(4);

    protected override IReadOnlyDictionary<string, string> BillingSettings() => new Dictionary<string, string>
    {
        ["TradeNova__Billing__TrialPeriod"] = Trial.ToString("c"),
        ["TradeNova__Billing__GracePeriod"] = Grace.ToString("c"),
        ["TradeNova__Billing__ClockInterval"] = "00:00:01",
        ["TradeNova__Billing__Local__PeriodLength"] = Period.ToString("c"),
    };
}
