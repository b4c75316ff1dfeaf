using Microsoft.Extensions.Options;

namespace TradeNova.Billing.Domain;

/// <summary>Runs <see cref="SubscriptionReviewer"/> every <see cref="BillingOptions.ClockInterval"/> (on the TimeProvider).</summary>
public sealed partial class SubscriptionClock(
    IServiceScopeFactory scopes, ReviewSignal signal, IOptions<BillingOptions> options, ILogger<SubscriptionClock> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SubscriptionReviewer>().ReviewDueAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The database may be restarting; the next tick tries again.
                LogFailed(logger, error);
            }

            await signal.WaitAsync(options.Value.ClockInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription review failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
