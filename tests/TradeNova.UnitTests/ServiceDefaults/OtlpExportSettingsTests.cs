using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using TradeNova.ServiceDefaults.Telemetry;

namespace TradeNova.UnitTests.ServiceDefaults;

public class OtlpExportSettingsTests
{
    [Fact]
    public void No_endpoint_means_no_export()
    {
        OtlpExportSettings.FromConfiguration(Configuration()).ShouldBeNull();
    }

    [Fact]
    public void Grpc_is_the_default_and_keeps_the_endpoint_as_given()
    {
        var settings = OtlpExportSettings.FromConfiguration(Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317")))!;

        settings.Protocol.ShouldBe(OtlpExportProtocol.Grpc);
        settings.EndpointFor(OtlpSignal.Traces).ShouldBe(new Uri("http://127.0.0.1:4317"));
    }

    [Fact]
    public void Http_protobuf_appends_the_signal_path_to_the_base_endpoint()
    {
        var settings = OtlpExportSettings.FromConfiguration(Configuration(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/otlp"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")))!;

        settings.Protocol.ShouldBe(OtlpExportProtocol.HttpProtobuf);
        settings.EndpointFor(OtlpSignal.Traces).ShouldBe(new Uri("http://collector:4318/otlp/v1/traces"));
        settings.EndpointFor(OtlpSignal.Metrics).ShouldBe(new Uri("http://collector:4318/otlp/v1/metrics"));
        settings.EndpointFor(OtlpSignal.Logs).ShouldBe(new Uri("http://collector:4318/otlp/v1/logs"));
    }

    [Fact]
    public void Unknown_protocol_is_refused_rather_than_guessed()
    {
        Should.Throw<InvalidOperationException>(() => OtlpExportSettings.FromConfiguration(Configuration(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"))));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
