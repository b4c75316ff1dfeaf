using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Gateway.RateLimiting;

/// <summary>
/// Decides which budget a request spends. Only <c>/api</c> is limited (SPA files, hubs and health are not).
/// Register, login, refresh, password change and password reset always spend their client address's tight budget,
/// whatever Authorization header comes with them (a token must not lift an attacker out of the IP limit for password
/// guessing). Logout is not among them: it checks no password, and a refused logout would leave a session open.
/// Otherwise an authenticated caller spends their user's budget wherever they connect from; anyone else spends their IP's.
/// The IP is the TCP peer: the gateway is the edge, so a client-supplied X-Forwarded-For is not trusted.
/// </summary>
public static class RateLimitPartitioner
{
    private static readonly string[] AuthEndpoints = ["register", "login", "refresh", "password", "password/reset"];

    public static RateLimitPartitionKey? GetKey(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            return null;

        if (IsAuthEndpoint(path))
            return new RateLimitPartitionKey(RateLimitPartitionKind.AuthIp, ClientAddress(context));

        if (context.User.Identity?.IsAuthenticated == true && context.User.TryGetUserId(out var userId))
            return new RateLimitPartitionKey(RateLimitPartitionKind.User, userId.ToString("N"));

        return new RateLimitPartitionKey(RateLimitPartitionKind.Ip, ClientAddress(context));
    }

    /// <summary><c>/api/v1/identity/{register|login|refresh|password|password/reset}</c>, in any case and with or without a trailing slash.</summary>
    public static bool IsAuthEndpoint(PathString path)
    {
        if (!path.StartsWithSegments("/api/v1/identity", StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
            return false;
        var endpoint = rest.Value!.Trim('/');
        return AuthEndpoints.Any(name => string.Equals(endpoint, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
            address = address.MapToIPv4();
        return address?.ToString() ?? "unknown";
    }
}
