using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// What the relay does to the service's tables. <see cref="PublishDueAsync"/> claims a batch of due rows with
/// <c>FOR UPDATE SKIP LOCKED</c> (so replicas never publish the same row concurrently), publishes each with
/// MessageId = row id, and records the outcome in the same transaction; <see cref="PruneAsync"/> deletes sent rows and
/// inbox entries past the retention period.
/// </summary>
public sealed partial class OutboxProcessor<TContext>(
    TContext db,
    IPublishEndpoint publisher,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxProcessor<TContext>> logger)
    where TContext : DbContext
{
    private static readonly ActivitySource ActivitySource = new("TradeNova.Messaging");

    /// <summary>Returns how many rows were published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
#pragma warning disable EF1002, EF1003 // the table name comes from the EF model, never from input; values are parameters
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                $"SELECT * FROM {MessagingTables.QualifiedName<OutboxMessage>(db)} WHERE sent_at IS NULL AND next_attempt_at <= {{0}} " +
                "ORDER BY created_at, id LIMIT {1} FOR UPDATE SKIP LOCKED",
                time.GetUtcNow(),
                settings.BatchSize)
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002, EF1003

        // Published together, so the broker's confirms come back as one pipeline instead of one round trip per row. The
        // publishes start in row order; consumers never relied on order across messages (they consume concurrently).
        var failures = await Task.WhenAll(batch.Select(row => TryPublishAsync(row, settings.PublishTimeout, cancellationToken)));
        // The published rows are marked in one statement, not one UPDATE per row.
        var sent = batch.Zip(failures).Where(pair => pair.Second is null).Select(pair => pair.First.Id).ToArray();
        if (sent.Length > 0)
        {
            var sentAt = time.GetUtcNow();
            await db.Set<OutboxMessage>().Where(m => sent.Contains(m.Id))
                .ExecuteUpdateAsync(update => update.SetProperty(m => m.SentAt, sentAt), cancellationToken);
        }

        foreach (var (row, failure) in batch.Zip(failures))
        {
            if (failure is null)
            {
                continue;
            }

            var error = $"{failure.GetType().Name}: {failure.Message}";
            row.Attempts++;
            row.LastError = error[..Math.Min(error.Length, 2000)];
            row.NextAttemptAt = time.GetUtcNow() + RetryDelay(row.Attempts, settings.MaxRetryDelay);
            LogPublishFailed(failure, row.Id, row.MessageType, row.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return failures.Count(failure => failure is null);
    }

    /// <summary>Deletes sent outbox rows and inbox entries older than <see cref="OutboxOptions.Retention"/>.</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var outbox = await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (outbox + inbox > 0)
            LogPruned(outbox, inbox, typeof(TContext).Name);
    }

    /// <summary>1 s, 2 s, 4 s, ... capped, so a broker outage does not turn into a hot loop.</summary>
    internal static TimeSpan RetryDelay(int attempts, TimeSpan max) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), max.TotalSeconds));

    /// <summary>Publishes one row; returns the failure, if any (a cancellation of the relay itself propagates).</summary>
    private async Task<Exception?> TryPublishAsync(OutboxMessage row, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var type = Type.GetType(row.MessageType, throwOnError: false)
                ?? throw new InvalidOperationException($"Message type '{row.MessageType}' cannot be resolved.");
            var message = JsonSerializer.Deserialize(row.Body, type, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");

            using var trace = StartPublishTrace(type, row.Id, row.TraceParent);

            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            await publisher.Publish(message, type, context => context.MessageId = row.Id, timeoutSource.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    /// <summary>
    /// A publish is traced under the span of the operation that staged it, even from a relay that polls with
    /// instrumentation suppressed.
    /// </summary>
    internal static IDisposable StartPublishTrace(Type type, Guid messageId, string? traceParent)
    {
        var traced = SuppressInstrumentationScope.Begin(false);
        var activity = ActivitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, traceParent);
        activity?.SetTag("messaging.message.id", messageId);
        return new PublishTrace(traced, activity);
    }

    private sealed class PublishTrace(IDisposable traced, Activity? activity) : IDisposable
    {
        public void Dispose()
        {
            activity?.Dispose();
            traced.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed, attempt {Attempts}")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Outbox} outbox and {Inbox} inbox rows of {Context}")]
    private partial void LogPruned(int outbox, int inbox, string context);
}
