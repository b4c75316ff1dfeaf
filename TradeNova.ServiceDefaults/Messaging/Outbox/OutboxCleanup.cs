using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>Prunes sent outbox rows and old inbox entries past the retention period.</summary>
internal sealed partial class OutboxCleanup<TContext>(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxCleanup<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogCleanupFailed(ex, typeof(TContext).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal async Task PruneAsync(CancellationToken cancellationToken)
    {
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var outbox = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt != null && m.SentAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Set<InboxMessage>()
            .Where(m => m.ProcessedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (outbox + inbox > 0)
        {
            LogPruned(outbox, inbox, typeof(TContext).Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Outbox} outbox and {Inbox} inbox rows of {Context}")]
    private partial void LogPruned(int outbox, int inbox, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox cleanup for {Context} failed")]
    private partial void LogCleanupFailed(Exception exception, string context);
}
