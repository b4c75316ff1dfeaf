using Microsoft.AspNetCore.Http.Connections;

namespace TradeNova.Portfolio.Hubs;

/// <summary>
/// Maps <see cref="AccountHub"/> the way the platform contract says: WebSockets only (long polling and server-sent events
/// would put the access token in the URL of every request), and a connection lives no longer than the token it was
/// opened with. The client reconnects with a fresh token (web/src/realtime/useAccountHub.ts refreshes before connecting).
/// </summary>
public static class AccountHubEndpoint
{
    public static HubEndpointConventionBuilder MapAccountHub(this IEndpointRouteBuilder app)
    {
        var hub = app.MapHub<AccountHub>(AccountHub.Path, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            // Closes gracefully when the authentication result carries an expiry (JwtBearer sets it)...
            options.CloseOnAuthenticationExpiration = true;
        });
        // ...and, whatever the handler sets, the transport is cut when the token's exp passes.
        hub.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate ?? throw new InvalidOperationException("The hub endpoint has no request delegate.");
            endpoint.RequestDelegate = context => ClosingAtTokenExpiryAsync(context, next);
        });
        return hub;
    }

    /// <summary>
    /// Every hub request is cut at the token's expiry: negotiation ends long before, the WebSocket request lasts as long as
    /// the connection. (The WebSockets middleware runs inside the hub's own pipeline, so the upgrade is not visible here.)
    /// </summary>
    private static async Task ClosingAtTokenExpiryAsync(HttpContext context, RequestDelegate next)
    {
        if (TokenExpiry(context.User) is not { } expiresAt)
        {
            await next(context);
            return;
        }

        var remaining = expiresAt - TimeProvider.System.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var expiry = new CancellationTokenSource(remaining);
        await using var abort = expiry.Token.Register(context.Abort);
        await next(context);
    }

    /// <summary>The <c>exp</c> claim (seconds since the epoch) of the connection's token, if it has one.</summary>
    public static DateTimeOffset? TokenExpiry(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst("exp")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
