namespace TradeNova.Identity.Model;

/// <summary>Entitlement of a freshly registered subscriber until Billing says otherwise.</summary>
public static class UserDefaults
{
    public const string Plan = "standard";
    public const string SubscriptionStatus = "trialing";
}
