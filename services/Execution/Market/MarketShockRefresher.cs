using Microsoft.Extensions.Options;

namespace TradeNova.Execution.Market;

/// <summary>
/// Keeps <see cref="MarketShocks"/> in step with <c>execution.market_shocks</c>: loads it before the service serves (so a
/// restarted instance prices like the others from its first quote) and then whenever a newer row appears. A shock takes
/// effect <see cref="SimulationOptions.ShockPropagationDelay"/> after it is recorded, longer than this refresh interval.
/// </summary>
public sealed partial class MarketShockRefresher(
    IServiceScopeFactory scopes,
    MarketShocks shocks,
    IOptions<SimulationOptions> options,
    TimeProvider time,
    ILogger<MarketShockRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(ex);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ShockRefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRefreshFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        var newest = await db.MarketShocks.MaxAsync(s => (long?)s.Id, cancellationToken) ?? 0;
        if (newest != shocks.LastId)
        {
            shocks.Load(await db.MarketShocks.AsNoTracking().ToListAsync(cancellationToken));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading market price shocks failed; retrying")]
    private partial void LogRefreshFailed(Exception exception);
}
