using MassTransit;
using Microsoft.Extensions.Options;

namespace TradeNova.Portfolio.Notifications;

/// <summary>
/// Announces this instance to the other Portfolio instances: once while the host starts, before the hub accepts
/// connections (registered after the bus, it waits for the bus up to <see cref="StartupWait"/>), so an instance already
/// running learns of this one before anyone can connect here; then every <see cref="PortfolioOptions.PresenceInterval"/>.
/// </summary>
public sealed partial class PortfolioPresence(
    PortfolioPeers peers, IBusControl bus, TimeProvider time, IOptions<PortfolioOptions> options, ILogger<PortfolioPresence> logger) : BackgroundService
{
    public static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(10);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StartupWait);
        try
        {
            while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, wait.Token);
            }

            await bus.Publish(peers.Announcement(), wait.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // No broker yet: the periodic announcement tries again, and until its grace ends this instance sends its pushes
            // over the bus anyway.
            LogAnnounceFailed(ex);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PresenceInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await bus.Publish(peers.Announcement(), stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The others keep counting this instance until their timeout; the next tick tries again.
                    LogAnnounceFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing this Portfolio instance to the others failed")]
    private partial void LogAnnounceFailed(Exception exception);
}
