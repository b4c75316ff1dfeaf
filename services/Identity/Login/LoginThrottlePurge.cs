namespace TradeNova.Identity.Login;

/// <summary>Hourly, drops stale login counters so guessed-at addresses do not accumulate rows forever.</summary>
public sealed partial class LoginThrottlePurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<LoginThrottlePurge> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<LoginThrottle>().PurgeAsync(time.GetUtcNow(), stoppingToken);
                if (removed > 0)
                    LogPurged(logger, removed);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogPurgeFailed(logger, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} stale login throttle counters")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging login throttle counters failed; retrying in an hour")]
    private static partial void LogPurgeFailed(ILogger logger, Exception error);
}
