namespace TradeNova.Gateway.RateLimiting;

public enum RateLimitPartitionKind
{
    User,
    Ip,
}
