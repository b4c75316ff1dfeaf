using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace TradeNova.UnitTests.ServiceDefaults;

/// <summary>What AddServiceDefaults traces: MassTransit's and the services' own sources, named by OTEL_SERVICE_NAME.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task MassTransit_and_every_TradeNova_source_are_traced_and_others_are_not()
    {
        var exported = new List<Activity>();
        using var host = await StartAsync(exported, serviceName: null);
        using var massTransit = new ActivitySource("MassTransit");
        using var own = new ActivitySource("TradeNova.TelemetryTests");
        using var foreign = new ActivitySource("Someone.Else.TelemetryTests");

        massTransit.StartActivity("publish UserRegistered")?.Dispose();
        own.StartActivity("outbox publish UserRegistered")?.Dispose();
        foreign.StartActivity("not ours")?.Dispose();
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();

        exported.Select(a => a.DisplayName).ShouldBe(["publish UserRegistered", "outbox publish UserRegistered"], ignoreOrder: true);
    }

    [Fact]
    public async Task Otel_service_name_names_the_service()
    {
        var exported = new List<Activity>();
        using var host = await StartAsync(exported, serviceName: "portfolio");
        using var own = new ActivitySource("TradeNova.TelemetryTests");

        own.StartActivity("named")?.Dispose();
        var provider = host.Services.GetRequiredService<TracerProvider>();
        provider.ForceFlush();

        provider.GetResource().Attributes.ShouldContain(new KeyValuePair<string, object>("service.name", "portfolio"));
    }

    private static async Task<IHost> StartAsync(List<Activity> exported, string? serviceName)
    {
        var builder = Host.CreateApplicationBuilder();
        if (serviceName is not null)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = serviceName });
        builder.AddServiceDefaults();
        // Only this test's activities: ActivitySources are process-wide and other tests run in parallel.
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddProcessor(new SimpleActivityExportProcessor(new InMemoryFilteredExporter(exported))));
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>Keeps the activities whose names this class uses.</summary>
    private sealed class InMemoryFilteredExporter(List<Activity> exported) : BaseExporter<Activity>
    {
        private static readonly HashSet<string> Names = ["publish UserRegistered", "outbox publish UserRegistered", "not ours", "named"];

        public override ExportResult Export(in Batch<Activity> batch)
        {
            lock (exported)
            {
                foreach (var activity in batch)
                {
                    if (Names.Contains(activity.DisplayName))
                        exported.Add(activity);
                }
            }

            return ExportResult.Success;
        }
    }
}
