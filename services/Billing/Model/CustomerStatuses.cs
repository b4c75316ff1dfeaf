namespace TradeNova.Billing.Model;

/// <summary>Subscription states, named as the <c>sub_status</c> claim carries them.</summary>
public static class CustomerStatuses
{
    public const string Trialing = "trialing";
    public const string Active = "active";
    public const string PastDue = "past_due";
    public const string Canceled = "canceled";
}
