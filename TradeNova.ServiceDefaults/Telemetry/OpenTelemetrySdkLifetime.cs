using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace TradeNova.ServiceDefaults.Telemetry;

/// <summary>Flushes and disposes the OpenTelemetry SDK when the host stops.</summary>
internal sealed class OpenTelemetrySdkLifetime(OpenTelemetrySdk sdk) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        sdk.Dispose();
        return Task.CompletedTask;
    }
}
