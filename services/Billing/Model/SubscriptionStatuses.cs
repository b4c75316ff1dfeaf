namespace TradeNova.Billing.Model;

/// <summary>Billing's subscription states. Entitled: trialing, active, past_due (inside the grace period), canceled (until the period ends).</summary>
public static class SubscriptionStatuses
{
    public const string Trialing = "trialing";
    public const string Active = "active";
    public const string PastDue = "past_due";
    public const string Canceled = "canceled";
    public const string Expired = "expired";
}
