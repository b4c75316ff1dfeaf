namespace TradeNova.ServiceDefaults.Auth;

/// <summary>Values of the <c>role</c> claim.</summary>
public static class TradeNovaRoles
{
    public const string Subscriber = "subscriber";
    public const string Admin = "admin";
    public const string Partner = "partner";
}
