using Microsoft.Extensions.Options;
using TradeNova.Execution.Market;

namespace TradeNova.Execution.Exchange;

/// <summary>
/// The paper exchange's clock: one matching pass at the current simulated prices every tick interval, and at once
/// (at most every <see cref="PaperExchangeOptions.WakeupSpacing"/>) when this instance accepted an order; about once a
/// second the day-order expiry. A pass at prices that reach no resting order skips the database (<see cref="RestingOrderBounds"/>).
/// Its state is the orders table, so it can run on every instance and after any restart.
/// </summary>
public sealed partial class PaperExchangeWorker(
    IServiceScopeFactory scopes,
    ExchangeWakeup wakeup,
    IOptions<SimulationOptions> options,
    IOptions<PaperExchangeOptions> exchangeOptions,
    TimeProvider time,
    ILogger<PaperExchangeWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ExpiryInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var lastExpiry = DateTimeOffset.MinValue;
        var lastPass = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var woken = await wakeup.WaitAsync(options.Value.TickInterval, stoppingToken);
                if (woken && lastPass + exchangeOptions.Value.WakeupSpacing - time.GetUtcNow() is { Ticks: > 0 } rest)
                {
                    await Task.Delay(rest, time, stoppingToken);
                }

                var now = time.GetUtcNow();
                lastPass = now;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var exchange = scope.ServiceProvider.GetRequiredService<PaperExchange>();
                    await exchange.RunTickAsync(now, woken, stoppingToken);
                    if (now - lastExpiry >= ExpiryInterval)
                    {
                        lastExpiry = now;
                        await exchange.ExpireDayOrdersAsync(now, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A lost race (another instance, a cancel) or a database blip: the next tick tries again.
                    LogPassFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paper exchange pass failed; retrying at the next tick")]
    private partial void LogPassFailed(Exception exception);
}
