using System.Globalization;

namespace TradeNova.Gateway.Timing;

/// <summary>
/// Stamps each API response with the moment the gateway received the request (<see cref="HeaderName"/>, ISO 8601 UTC
/// to the microsecond), taken before authentication, rate limiting and proxying. With the <c>sentAt</c> of Portfolio's
/// <c>fillApplied</c> push it gives an order's latency from the gateway to the fill applied, on the servers' own clock,
/// without the client's share; the load driver reports it beside what the client saw.
/// </summary>
public static class ArrivalTime
{
    public const string HeaderName = "X-Gateway-Received-At";

    public static string Format(DateTimeOffset receivedAt) =>
        receivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static IApplicationBuilder UseArrivalTime(this IApplicationBuilder app)
    {
        var time = app.ApplicationServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                var receivedAt = time.GetUtcNow();
                var response = context.Response;
                response.OnStarting(() =>
                {
                    response.Headers[HeaderName] = Format(receivedAt);
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
    }
}
