namespace TradeNova.ServiceDefaults.Auth;

/// <summary>Names shared by the gateway and every service for bearer authentication.</summary>
public static class TradeNovaAuthDefaults
{
    /// <summary>The one authentication scheme; also the default scheme.</summary>
    public const string Scheme = "Bearer";

    /// <summary>The only accepted JWS algorithm.</summary>
    public const string Algorithm = "ES256";

    /// <summary>Far above any TradeNova access token; bounds the work done on hostile input (JsonWebTokenHandler.MaximumTokenSizeInBytes).</summary>
    public const int MaxTokenLength = 8 * 1024;

    /// <summary>Query parameter that carries the token on SignalR paths (browsers cannot set headers on WebSockets).</summary>
    public const string AccessTokenQueryParameter = "access_token";

    /// <summary>Paths under which <see cref="AccessTokenQueryParameter"/> is honoured.</summary>
    public const string HubPathPrefix = "/hubs";
}
