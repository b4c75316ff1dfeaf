using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Gateway.RateLimiting;

/// <summary>
/// Decides which budget a request spends. Only <c>/api</c> is limited (SPA files, hubs and health are not).
/// An authenticated caller spends their user's budget wherever they connect from; anyone else spends their IP's.
/// The IP is the TCP peer: the gateway is the edge, so a client-supplied X-Forwarded-For is not trusted.
/// </summary>
public static class RateLimitPartitioner
{
    public static RateLimitPartitionKey? GetKey(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            return null;

        if (context.User.Identity?.IsAuthenticated == true && context.User.TryGetUserId(out var userId))
            return new RateLimitPartitionKey(RateLimitPartitionKind.User, userId.ToString("N"));

        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
            address = address.MapToIPv4();
        return new RateLimitPartitionKey(RateLimitPartitionKind.Ip, address?.ToString() ?? "unknown");
    }
}
