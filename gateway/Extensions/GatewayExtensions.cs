using TradeNova.ServiceDefaults.Http;
using TradeNova.Gateway.Health;
using TradeNova.Gateway.RateLimiting;
using TradeNova.Gateway.Routing;
using TradeNova.Gateway.Security;
using TradeNova.Gateway.Spa;
using TradeNova.Gateway.Timing;

namespace TradeNova.Gateway.Extensions;

public static partial class GatewayExtensions
{
    /// <summary>Where the gateway listens when nothing else is configured: loopback only, the contract's port.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5100";

    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls(DefaultUrl);

        // SignalR sends the access token in the query string; these two log every request URL at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp.ReverseProxy.Forwarder", LogLevel.Warning);

        // The gateway is the edge: a caller on this machine is a client, not a proxy, so its X-Forwarded-For is not
        // believed (it would let a client pick its own per-IP rate-limit partition). A load balancer in front is trusted
        // only through TradeNova:ForwardedHeaders:KnownNetworks.
        if (builder.Configuration[ForwardedHeadersSetup.TrustLoopbackKey] is null)
            builder.Configuration[ForwardedHeadersSetup.TrustLoopbackKey] = "false";

        // Telemetry, problem details, HTTP resilience, bearer authentication, "self" liveness. No database here.
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck<IdentityJwksHealthCheck>("identity-jwks");
        // A probe reports the state now; retrying would only make /health slow while Identity is down.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        builder.Services.AddHttpClient(IdentityJwksHealthCheck.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddGatewayRateLimiting(builder.Configuration);
        builder.Services.AddOptions<SpaOptions>().Bind(builder.Configuration.GetSection(SpaOptions.SectionName));

        var routeTable = GatewayRouteTable.Build(builder.Configuration);
        builder.Services.AddSingleton(routeTable);
        // Destinations are http://identity etc.; service discovery resolves them from services:<name>:http:0.
        builder.Services.AddReverseProxy()
            .LoadFromMemory(routeTable.Routes, routeTable.Clusters)
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    /// <summary>
    /// Order matters: SPA files are served before authentication and rate limiting; identity headers are stripped before
    /// anything reads them; the limiter runs after authentication so it can partition by user.
    /// </summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        foreach (var service in app.Services.GetRequiredService<GatewayRouteTable>().MissingServices)
            LogServiceNotConfigured(app.Logger, service, GatewayServiceNames.ConfigurationKey(service));

        app.UseArrivalTime();
        app.MapDefaultEndpoints();
        app.UseSecurityHeaders();
        app.UseIdentityHeaderStripping();
        app.UseSpaStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapReverseProxy();
        app.MapSpaFallback();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {Service} is not configured ({ConfigurationKey}); the gateway has no route to it")]
    private static partial void LogServiceNotConfigured(ILogger logger, string service, string configurationKey);
}
