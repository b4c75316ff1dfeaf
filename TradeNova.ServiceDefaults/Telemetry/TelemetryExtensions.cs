using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TradeNova.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Every TradeNova component names its ActivitySource and Meter under this prefix.</summary>
    public const string SourcePrefix = "TradeNova.";

    private static readonly string[] TraceSources =
        ["Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Npgsql", SourcePrefix + "*"];

    private static readonly string[] Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime", SourcePrefix + "*"];

    /// <summary>
    /// Traces, metrics and logs through the core SDK (OpenTelemetry.Extensions.Hosting is not available here).
    /// Export happens only when OTEL_EXPORTER_OTLP_ENDPOINT is configured.
    /// </summary>
    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured
            ? configured
            : builder.Environment.ApplicationName;
        var version = Assembly.GetEntryAssembly()?.GetName().Version?.ToString() ?? "0.0.0";
        var export = OtlpExportSettings.FromConfiguration(builder.Configuration);

        void ConfigureResource(ResourceBuilder resource) => resource
            .AddService(serviceName, serviceVersion: version, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId)
            .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)]);

        var sdk = OpenTelemetrySdk.Create(otel =>
        {
            otel.ConfigureResource(ConfigureResource);
            otel.WithTracing(tracing =>
            {
                tracing.AddSource([.. TraceSources, builder.Environment.ApplicationName]);
                if (export is not null)
                {
                    tracing.AddOtlpExporter(o => export.Apply(o, OtlpSignal.Traces));
                }
            });
            otel.WithMetrics(metrics =>
            {
                metrics.AddMeter([.. Meters, builder.Environment.ApplicationName]);
                if (export is not null)
                {
                    metrics.AddOtlpExporter(o => export.Apply(o, OtlpSignal.Metrics));
                }
            });
        });
        builder.Services.AddSingleton(sdk);
        builder.Services.AddHostedService<OpenTelemetrySdkLifetime>();

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            var resource = ResourceBuilder.CreateEmpty();
            ConfigureResource(resource);
            logging.SetResourceBuilder(resource);
            if (export is not null)
            {
                logging.AddOtlpExporter(o => export.Apply(o, OtlpSignal.Logs));
            }
        });
        return builder;
    }
}
