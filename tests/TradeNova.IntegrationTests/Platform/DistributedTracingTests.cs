using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Telemetry;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>Every process exports over OTLP (the fixture's loopback receiver); one user action is one trace across them.</summary>
[Collection(PlatformCollection.Name)]
public class DistributedTracingTests(PlatformFixture platform)
{
    [Fact]
    public async Task Registration_through_the_gateway_is_one_trace_from_gateway_to_portfolios_consumer()
    {
        // The caller starts the trace, as a browser with OpenTelemetry would; the gateway continues it.
        var traceId = ActivityTraceId.CreateRandom();
        using var gateway = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/identity/register")
        {
            Content = JsonContent.Create(new
            {
                email = $"trace-{Guid.NewGuid():N}@example.test",
                password = $"Tr4ce-{Guid.NewGuid():N}"[..24],
                displayName = "Trace Test",
            }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);

        // The request, the commit with its outbox row, the relay's publish and Portfolio's consumer, all exported.
        var spans = await Poll.UntilAsync(
            () => Task.FromResult(platform.Telemetry.SpansOf(traceId.ToString())),
            // Each process exports on its own batch schedule, so the gateway's span may arrive after Portfolio's.
            found => HasConsumerSpan(found, "portfolio") && found.Any(IsOutboxPublish)
                     && found.Any(span => span.Service == "gateway" && span.Kind == ReceivedSpan.KindServer),
            GatewayApi.EventualConsistency,
            "spans of the registration's trace from gateway, identity, the outbox relay and portfolio's consumer");

        spans.ShouldContain(span => span.Service == "gateway" && span.Kind == ReceivedSpan.KindServer);
        spans.ShouldContain(span => span.Service == "identity" && span.Kind == ReceivedSpan.KindServer);
        var publish = spans.First(IsOutboxPublish);
        // The relay's publish hangs off the request's span in Identity, not off the relay's own poll.
        spans.ShouldContain(span => span.Service == "identity" && span.SpanId == publish.ParentSpanId);
        HasConsumerSpan(spans, "portfolio").ShouldBeTrue();
    }

    private static bool IsOutboxPublish(ReceivedSpan span) =>
        span.Service == "identity" && span.Scope == "TradeNova.Messaging" && span.Name.StartsWith("outbox publish", StringComparison.Ordinal);

    private static bool HasConsumerSpan(IEnumerable<ReceivedSpan> spans, string service) =>
        spans.Any(span => span.Service == service && span.Scope == "MassTransit" && span.Kind == ReceivedSpan.KindConsumer);
}
