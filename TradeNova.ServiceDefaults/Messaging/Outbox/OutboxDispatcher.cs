using System.Threading.Channels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes rows as their transactions commit (handed over by <see cref="OutboxHandoff"/>), each with MessageId = row
/// id, and marks the published ones sent together a moment later (<see cref="OutboxOptions.MarkSentDelay"/>): one
/// statement for everything published in that window rather than one per batch, which under load is nearly one per
/// transaction. Nothing here is the only way out: a row this does not publish (bus not healthy, a publish fails, the
/// process dies) stays unsent and the <see cref="OutboxRelay{TContext}"/> publishes it once its grace period is over. A
/// crash between publish and mark means one more delivery of the same MessageId, which consumers' inboxes absorb.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    OutboxHandoff handoff,
    IServiceScopeFactory scopes,
    IBusControl bus,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly Channel<Guid> _published = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var marking = MarkSentAsync(stoppingToken);
        try
        {
            await DispatchCommittedAsync(stoppingToken);
        }
        finally
        {
            _published.Writer.TryComplete();
            await marking;
        }
    }

    private async Task DispatchCommittedAsync(CancellationToken stoppingToken)
    {
        var reader = handoff.Reader;
        var batch = new List<CommittedMessage>(options.Value.BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                // A row already half-way to its grace (staged while the bus was not up yet) is left to the relay, so the
                // two do not both publish it.
                var staleBefore = time.GetUtcNow() - options.Value.DispatchGrace / 2;
                while (batch.Count < options.Value.BatchSize && reader.TryRead(out var message))
                {
                    if (message.CreatedAt > staleBefore)
                        batch.Add(message);
                }

                // Not healthy yet (startup) or any more (outage): leave the rows to the relay, which waits for the bus.
                if (batch.Count == 0 || bus.CheckHealth().Status != BusHealthStatus.Healthy)
                    continue;

                try
                {
                    await DispatchAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogDispatchFailed(ex, batch.Count, typeof(TContext).Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DispatchAsync(List<CommittedMessage> batch, CancellationToken cancellationToken)
    {
        var published = await Task.WhenAll(batch.Select(message => TryPublishAsync(message, cancellationToken)));
        foreach (var (message, sent) in batch.Zip(published))
        {
            if (sent && message.Durable)
                _published.Writer.TryWrite(message.Id);
        }
    }

    /// <summary>
    /// Marks published rows sent: after the first of a window arrives, waits <see cref="OutboxOptions.MarkSentDelay"/> so
    /// the rest of the window joins it, then one UPDATE. On shutdown what is left is marked once more, without waiting.
    /// </summary>
    private async Task MarkSentAsync(CancellationToken stoppingToken)
    {
        var reader = _published.Reader;
        var ids = new List<Guid>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(options.Value.MarkSentDelay, time, stoppingToken);
                await MarkAsync(reader, ids, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await MarkAsync(reader, ids, last.Token);
    }

    private async Task MarkAsync(ChannelReader<Guid> reader, List<Guid> ids, CancellationToken cancellationToken)
    {
        ids.Clear();
        while (reader.TryRead(out var id))
            ids.Add(id);
        if (ids.Count == 0)
            return;

        try
        {
            using var quiet = SuppressInstrumentationScope.Begin();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var sent = ids.ToArray();
            var sentAt = time.GetUtcNow();
            await db.Set<OutboxMessage>().Where(m => sent.Contains(m.Id) && m.SentAt == null)
                .ExecuteUpdateAsync(update => update.SetProperty(m => m.SentAt, sentAt), cancellationToken);
        }
        catch (Exception ex)
        {
            // Unmarked rows are published once more by the relay after their grace; consumers' inboxes absorb that.
            LogMarkFailed(ex, ids.Count, typeof(TContext).Name);
        }
    }

    private async Task<bool> TryPublishAsync(CommittedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var trace = OutboxProcessor<TContext>.StartPublishTrace(message.Type, message.Id, message.TraceParent);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.PublishTimeout);
            await bus.Publish(message.Message, message.Type, context => context.MessageId = message.Id, timeout.Token);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(ex, message.Id, message.Type.Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) at commit failed; the relay retries it")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marking {Count} published outbox rows of {Context} sent failed; the relay publishes them again")]
    private partial void LogMarkFailed(Exception exception, int count, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching {Count} committed outbox rows of {Context} failed; the relay retries them")]
    private partial void LogDispatchFailed(Exception exception, int count, string context);
}
