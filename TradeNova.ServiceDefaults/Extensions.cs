using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TradeNova.ServiceDefaults.Http;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>The cross-cutting wiring every TradeNova service shares (eShop style).</summary>
public static class Extensions
{
    /// <summary>Every TradeNova component names its ActivitySource and Meter under this prefix (e.g. <c>TradeNova.Identity</c>).</summary>
    public const string SourcePrefix = "TradeNova.";

    /// <summary>MassTransit's ActivitySource and Meter: send, publish and consume spans, with trace context in message headers.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>Checks tagged <c>live</c> answer <c>/alive</c>; every check answers <c>/health</c>.</summary>
    public const string LiveTag = "live";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.ConfigureOpenTelemetry();
        builder.SuppressRequestUrlLogging();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
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

    /// <summary>
    /// Logs, metrics and traces through OpenTelemetry (eShop's ServiceDefaults), exported over OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; protocol, headers and service name come from the other standard
    /// <c>OTEL_*</c> variables.
    /// </summary>
    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var export = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var openTelemetry = builder.Services.AddOpenTelemetry();
        // OTEL_SERVICE_NAME names the service when set (Aspire, the runner); otherwise the assembly does.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
            openTelemetry.ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName));

        openTelemetry
            .WithLogging(
                logging =>
                {
                    if (export)
                        logging.AddOtlpExporter(WithOwnHttpClient);
                },
                options =>
                {
                    options.IncludeFormattedMessage = true;
                    options.IncludeScopes = true;
                })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(MassTransitSource, "Npgsql", SourcePrefix + "*");
                if (export)
                    metrics.AddOtlpExporter(WithOwnHttpClient);
            })
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(builder.Environment.ApplicationName, MassTransitSource, SourcePrefix + "*")
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                        // Probes every few seconds would drown the requests that matter.
                        aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                                                       && !context.Request.Path.StartsWithSegments("/alive"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (export)
                    tracing.AddOtlpExporter(WithOwnHttpClient);
            });
        return builder;
    }

    /// <summary>
    /// Forwarded headers from trusted proxies, error handling middleware plus <c>/alive</c> and <c>/health</c> (the
    /// library's plain-text writer: a status word, no check names or exception details); call right after <c>Build()</c>.
    /// </summary>
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
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health").AllowAnonymous().DisableHttpMetrics();
        return app;
    }

    /// <summary>
    /// The exporter gets its own HttpClient, not one from IHttpClientFactory (which http/protobuf would otherwise take):
    /// a factory client carries the defaults above (the retry pipeline, though the exporter retries by itself, service
    /// discovery) and a logging handler, so every export would log requests that are exported in turn.
    /// </summary>
    private static void WithOwnHttpClient(OtlpExporterOptions exporter) =>
        exporter.HttpClientFactory = () => new HttpClient { Timeout = TimeSpan.FromMilliseconds(exporter.TimeoutMilliseconds) };
}
