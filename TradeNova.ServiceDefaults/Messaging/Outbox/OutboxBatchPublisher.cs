using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Claims one batch of due rows with <c>FOR UPDATE SKIP LOCKED</c> (so replicas never publish the same row
/// concurrently), publishes each with MessageId = row id, and records the outcome in the same transaction.
/// </summary>
public sealed partial class OutboxBatchPublisher<TContext>(
    TContext db,
    IPublishEndpoint publisher,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxBatchPublisher<TContext>> logger)
    where TContext : DbContext
{
    private static readonly ActivitySource ActivitySource = new("TradeNova.Messaging");

    /// <summary>Returns how many rows were published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var qualifiedTable = MessagingTables.QualifiedName<OutboxMessage>(db);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
#pragma warning disable EF1002, EF1003 // the table name comes from the EF model, never from input; values are parameters
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                $"SELECT * FROM {qualifiedTable} WHERE sent_at IS NULL AND next_attempt_at <= {{0}} " +
                $"ORDER BY created_at, id LIMIT {{1}} FOR UPDATE SKIP LOCKED",
                now,
                settings.BatchSize)
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002, EF1003
        if (batch.Count == 0)
        {
            return 0;
        }

        // Published together, so the broker's confirms come back as one pipeline instead of one round trip per row. The
        // publishes start in row order; consumers never relied on order across messages (they consume concurrently).
        var failures = await Task.WhenAll(batch.Select(row => TryPublishAsync(row, settings.PublishTimeout, cancellationToken)));
        var published = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i];
            if (failures[i] is not { } ex)
            {
                row.SentAt = time.GetUtcNow();
                published++;
                continue;
            }

            row.Attempts++;
            row.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
            row.NextAttemptAt = time.GetUtcNow() + RetryDelay(row.Attempts, settings.MaxRetryDelay);
            LogPublishFailed(ex, row.Id, row.MessageType, row.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return published;
    }

    /// <summary>Publishes one row; returns the failure, if any (a cancellation of the relay itself propagates).</summary>
    private async Task<Exception?> TryPublishAsync(OutboxMessage row, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(row, timeout, cancellationToken);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    private async Task PublishAsync(OutboxMessage row, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var type = MessageTypeNames.Resolve(row.MessageType)
            ?? throw new InvalidOperationException($"Message type '{row.MessageType}' cannot be resolved.");
        var message = JsonSerializer.Deserialize(row.Body, type, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");

        // The relay polls with instrumentation suppressed; a publish is traced again, under the staging request's span.
        using var traced = SuppressInstrumentationScope.Begin(false);
        using var activity = ActivitySource.StartActivity(
            $"outbox publish {type.Name}", ActivityKind.Producer, row.TraceParent);
        activity?.SetTag("messaging.message.id", row.Id);

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        await publisher.Publish(message, type, context => context.MessageId = row.Id, timeoutSource.Token);
    }

    /// <summary>1 s, 2 s, 4 s, ... capped, so a broker outage does not turn into a hot loop.</summary>
    internal static TimeSpan RetryDelay(int attempts, TimeSpan max) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), max.TotalSeconds));

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed, attempt {Attempts}")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType, int attempts);
}
