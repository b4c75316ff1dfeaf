namespace TradeNova.Gateway.RateLimiting;

public enum RateLimitPartitionKind
{
    User,
    Ip,

    /// <summary>Register, login and refresh: always the client address, with the tight <c>Auth</c> limit.</summary>
    AuthIp,
}
