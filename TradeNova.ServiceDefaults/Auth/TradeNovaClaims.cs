namespace TradeNova.ServiceDefaults.Auth;

/// <summary>Claim names in TradeNova access tokens, kept exactly as Identity writes them (no legacy mapping).</summary>
public static class TradeNovaClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string Plan = "plan";
    public const string SubscriptionStatus = "sub_status";
    public const string TokenId = "jti";

    /// <summary>The sign-in (session) the token belongs to: Identity's refresh-token family.</summary>
    public const string SessionId = "sid";
}
