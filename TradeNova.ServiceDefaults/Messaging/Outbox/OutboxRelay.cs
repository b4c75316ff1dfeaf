using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes the committed outbox rows the <see cref="OutboxDispatcher{TContext}"/> did not (left behind by a crash, a
/// broker outage, a failed publish), on a short poll once their grace period is over. It publishes only while the bus is healthy (connected,
/// queues bound): during an outage rows simply wait instead of burning attempts, and the first events after a deploy
/// are not published into exchanges nobody is bound to yet. Every <see cref="OutboxOptions.CleanupInterval"/> it prunes.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBusControl bus,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan DegradedGracePeriod = TimeSpan.FromSeconds(30);

    private Stopwatch? _degradedSince;
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                // Polling is not worth a trace of its own; each publish joins the trace of the request that staged it.
                using var quiet = SuppressInstrumentationScope.Begin();
                await using var scope = scopes.CreateAsyncScope();
                var outbox = scope.ServiceProvider.GetRequiredService<OutboxProcessor<TContext>>();
                if (CanPublish(bus.CheckHealth().Status))
                    published = await outbox.PublishDueAsync(stoppingToken);

                if (time.GetUtcNow() >= _nextCleanup)
                {
                    _nextCleanup = time.GetUtcNow() + options.Value.CleanupInterval;
                    await outbox.PruneAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRelayFailed(ex, typeof(TContext).Name);
            }

            // A full batch means more may be due: go again at once. Otherwise nothing is waiting until the next poll.
            if (published < options.Value.BatchSize)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Healthy: go. Degraded (connected, but some receive endpoint is not running): wait a while for startup to finish,
    /// then publish anyway, so one faulted consumer does not stop the whole service's events.
    /// </summary>
    private bool CanPublish(BusHealthStatus status)
    {
        if (status != BusHealthStatus.Degraded)
        {
            _degradedSince = null;
            return status == BusHealthStatus.Healthy;
        }

        _degradedSince ??= Stopwatch.StartNew();
        return _degradedSince.Elapsed >= DegradedGracePeriod;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay for {Context} failed; retrying at the next poll")]
    private partial void LogRelayFailed(Exception exception, string context);
}
