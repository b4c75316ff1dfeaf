using System.Globalization;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Identity.Apis;

/// <summary>What the endpoints that check a password (sign-in, password change) share about the login throttle.</summary>
internal static class SignInThrottling
{
    /// <summary>The caller's address as the gateway forwarded it (services trust only known proxies' X-Forwarded-For).</summary>
    public static string ClientAddress(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        return address?.ToString() ?? "unknown";
    }

    public static ProblemHttpResult TooManyAttempts(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: $"Too many wrong passwords for this account from your network; try again in {Seconds(wait)} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed sign-ins",
            type: ProblemTypes.For("login-throttled"));
    }

    public static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
