namespace TradeNova.IntegrationTests.Telemetry;

/// <summary>One span as an OTLP exporter sent it: the exporting service, the instrumentation scope and the span's identity.</summary>
public sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind)
{
    public const int KindServer = 2;
    public const int KindClient = 3;
    public const int KindProducer = 4;
    public const int KindConsumer = 5;
}
