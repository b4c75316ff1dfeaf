using System.Text.RegularExpressions;

namespace TradeNova.Gateway.Security;

/// <summary>
/// Browser hardening on every response. The CSP allows only the SPA's own origin, plus WebSockets back to it for the
/// SignalR hub; inline styles are allowed because the chart libraries set style attributes.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>The SPA needs none of the powerful browser features; deny them to it and to anything it might embed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), "
        + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), "
        + "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), browsing-topics=()";

    public static string ContentSecurityPolicy(HostString host)
    {
        var sockets = host.HasValue && SafeHost().IsMatch(host.Value) ? $" ws://{host.Value} wss://{host.Value}" : string.Empty;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
               + $"font-src 'self' data:; connect-src 'self'{sockets}; object-src 'none'; base-uri 'self'; "
               + "form-action 'self'; frame-ancestors 'none'";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
                headers.TryAdd("Permissions-Policy", PermissionsPolicy);
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy(context.Request.Host));
                return Task.CompletedTask;
            });
            return next(context);
        });

    // Host goes into a header value: letters, digits, dots, dashes, an optional port or bracketed IPv6 only.
    [GeneratedRegex(@"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")]
    private static partial Regex SafeHost();
}
