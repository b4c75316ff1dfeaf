namespace TradeNova.ServiceDefaults.Auth;

/// <summary>Authorization policy names registered by <c>AddTradeNovaAuthentication</c>.</summary>
public static class TradeNovaPolicies
{
    /// <summary>An authenticated user with the <c>admin</c> role.</summary>
    public const string Admin = "admin";
}
