using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TradeNova.ServiceDefaults.Health;
using TradeNova.ServiceDefaults.Http;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>The cross-cutting wiring every TradeNova service shares (eShop style).</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.ConfigureOpenTelemetry();
        builder.SuppressRequestUrlLogging();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddTradeNovaResilience();
            // http://identity and friends resolve from services:identity:http:0 (Aspire's WithReference).
            http.AddServiceDiscovery();
        });
        builder.Services.AddServiceProblemDetails();
        builder.Services.AddTrustedForwardedHeaders(builder.Configuration);
        builder.AddTradeNovaAuthentication();
        return builder;
    }

    /// <summary>Forwarded headers from trusted proxies, error handling middleware plus <c>/alive</c> and <c>/health</c>; call right after <c>Build()</c>.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // First, so everything after sees the caller's address rather than the gateway's.
        app.UseForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Malformed JSON and the like are the caller's fault (400), also in Development where they are thrown.
            StatusCodeSelector = exception => exception is BadHttpRequestException badRequest
                ? badRequest.StatusCode
                : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.MapDefaultHealthEndpoints();
        return app;
    }
}
