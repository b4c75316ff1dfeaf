using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace TradeNova.ServiceDefaults.Telemetry;

/// <summary>
/// The OTLP endpoint and protocol exactly as OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_PROTOCOL give them.
/// </summary>
public sealed record OtlpExportSettings(Uri Endpoint, OtlpExportProtocol Protocol)
{
    public static OtlpExportSettings? FromConfiguration(IConfiguration configuration)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException(
                $"OTEL_EXPORTER_OTLP_PROTOCOL '{other}' is not supported; use 'grpc' or 'http/protobuf'."),
        };
        return new OtlpExportSettings(new Uri(endpoint.Trim(), UriKind.Absolute), protocol);
    }

    /// <summary>
    /// The endpoint for one signal. With http/protobuf the base endpoint gets the per-signal path appended,
    /// as the specification says for OTEL_EXPORTER_OTLP_ENDPOINT; the exporter does not do it for an endpoint set in code.
    /// </summary>
    public Uri EndpointFor(OtlpSignal signal)
    {
        if (Protocol == OtlpExportProtocol.Grpc)
        {
            return Endpoint;
        }

        var path = signal switch
        {
            OtlpSignal.Traces => "v1/traces",
            OtlpSignal.Metrics => "v1/metrics",
            _ => "v1/logs",
        };
        var baseText = Endpoint.AbsoluteUri.EndsWith('/') ? Endpoint.AbsoluteUri : Endpoint.AbsoluteUri + "/";
        return new Uri(new Uri(baseText), path);
    }

    public void Apply(OtlpExporterOptions options, OtlpSignal signal)
    {
        options.Endpoint = EndpointFor(signal);
        options.Protocol = Protocol;
    }
}
