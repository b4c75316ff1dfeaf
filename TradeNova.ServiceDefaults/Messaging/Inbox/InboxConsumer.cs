using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// Base for every consumer that changes state. In one transaction it records (MessageId, consumer) in
/// <c>inbox_messages</c>, runs <see cref="HandleAsync"/>, saves (including outbox rows the handler staged) and
/// commits. A message id this consumer already applied is acknowledged without running the handler (or, with
/// <see cref="RecordWithSave"/>, without keeping anything it did).
/// </summary>
public abstract class InboxConsumer<TContext, TMessage>(TContext db) : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : class
{
    protected TContext Db { get; } = db;

    /// <summary>Identity of this consumer in the inbox; stable across deployments.</summary>
    protected virtual string ConsumerName => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; the inbox cannot deduplicate it.");
        var cancellationToken = context.CancellationToken;
        var logger = context.GetServiceOrCreateInstance<ILoggerFactory>().CreateLogger(GetType());
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = messageId, ["Consumer"] = ConsumerName });

        if (SingleCommand(context.Message) is { } command)
        {
            await RunSingleCommandAsync(messageId, command, logger, cancellationToken);
            return;
        }

        await BeforeTransactionAsync(context, cancellationToken);
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        // A failed save abandons the whole transaction (the message is retried), so EF's savepoint around the save
        // would only cost a round trip.
        Db.Database.AutoSavepointsEnabled = false;
        var committed = false;
        try
        {
            if (RecordWithSave)
            {
                Db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = ConsumerName, ProcessedAt = DateTimeOffset.UtcNow });
            }
            else if (!await TryRecordAsync(messageId, cancellationToken))
            {
                InboxLog.Duplicate(logger, messageId, ConsumerName);
                await transaction.RollbackAsync(cancellationToken);
                return;
            }

            await HandleAsync(context, cancellationToken);
            await Db.SaveChangesAndCommitAsync(cancellationToken); // the commit in the save's round trip where it can
            committed = true;
        }
        catch (DbUpdateException ex) when (IsAlreadyApplied(ex) || (RecordWithSave && IsInboxConflict(ex)))
        {
            // The effect is already there (carried by another message): nothing of this one is kept, and it is acknowledged.
            Db.ChangeTracker.Clear();
            await transaction.RollbackAsync(cancellationToken);
            InboxLog.Duplicate(logger, messageId, ConsumerName);
        }
        catch
        {
            // A retry gets a clean slate; nothing half-applied stays tracked.
            Db.ChangeTracker.Clear();
            throw;
        }

        if (committed)
        {
            await AfterCommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs before the message's transaction, and so before the inbox check (a redelivery runs it again): for calls to
    /// other systems that must not wait inside a transaction holding row locks, and whose repetition is harmless, such
    /// as asking a broker to cancel orders. Not on the single-command path.
    /// </summary>
    protected virtual Task BeforeTransactionAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs once the message's transaction has committed (not for a duplicate, nor on the single-command path): for
    /// work that must not happen unless the effect is durable, such as a push to this instance's own connections. An
    /// exception here fails the delivery, whose retry is then a duplicate: handle failures inside.
    /// </summary>
    protected virtual Task AfterCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// For a handler whose whole effect is one SQL command (no reads first, nothing for SaveChanges, no outbox rows, no
    /// broker calls): return it, and <see cref="HandleAsync"/> is not called. The inbox row and the command then go to
    /// PostgreSQL as one batch, which it runs as one implicit transaction (all of it or none): one round trip per message
    /// instead of three (inbox row, command, commit). A message already applied fails on the inbox's key and is
    /// acknowledged with nothing kept. Null (the default) for the usual path.
    /// </summary>
    protected virtual FormattableString? SingleCommand(TMessage message) => null;

    /// <summary>
    /// When true, the inbox row goes with the handler's own save (one round trip less per message) instead of before the
    /// handler: a message already applied is then refused by the inbox's key at that save, after the handler ran. Only
    /// for handlers whose whole effect is the changes they save (no broker calls, no pushes, nothing sent but the outbox).
    /// </summary>
    protected virtual bool RecordWithSave => false;

    /// <summary>
    /// True when the failed save shows the message's effect is already applied under another message id (a unique key
    /// of the effect itself): the message is then acknowledged without changes instead of retried. None by default.
    /// </summary>
    protected virtual bool IsAlreadyApplied(DbUpdateException exception) => false;

    /// <summary>The effect of the message. Stage outgoing events with <c>IOutbox</c>; do not call SaveChanges.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    private bool IsInboxConflict(Exception exception) =>
        Db.Model.FindEntityType(typeof(InboxMessage))?.FindPrimaryKey()?.GetName() is { } key && exception.IsUniqueViolation(key);

    private async Task RunSingleCommandAsync(Guid messageId, FormattableString command, ILogger logger, CancellationToken cancellationToken)
    {
        if (Db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException($"{ConsumerName}: a single-command message needs a context with no open transaction.");

        // The inbox row first, its three values after the command's own: {n}, {n+1}, {n+2}.
        var arguments = command.GetArguments();
        var n = arguments.Length;
        var sql = $"INSERT INTO {MessagingTables.QualifiedName<InboxMessage>(Db)} (message_id, consumer, processed_at) VALUES ({{{n}}}, {{{n + 1}}}, {{{n + 2}}});\n"
                  + command.Format;
        try
        {
#pragma warning disable EF1002 // the table name comes from the EF model, never from input; every value is a parameter
            await Db.Database.ExecuteSqlRawAsync(sql, [.. arguments.Select(a => a ?? DBNull.Value), messageId, ConsumerName, DateTimeOffset.UtcNow], cancellationToken);
#pragma warning restore EF1002
        }
        catch (Exception ex) when (IsInboxConflict(ex))
        {
            InboxLog.Duplicate(logger, messageId, ConsumerName);
        }
    }

    /// <summary>
    /// Inserts the inbox row; ON CONFLICT DO NOTHING waits for a concurrent delivery of the same id and then
    /// reports it as already applied, so two replicas never both run the handler.
    /// </summary>
    private async Task<bool> TryRecordAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var qualifiedTable = MessagingTables.QualifiedName<InboxMessage>(Db);
#pragma warning disable EF1002, EF1003 // the table name comes from the EF model, never from input; values are parameters
        var inserted = await Db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {qualifiedTable} (message_id, consumer, processed_at) VALUES ({{0}}, {{1}}, {{2}}) ON CONFLICT DO NOTHING",
            [messageId, ConsumerName, DateTimeOffset.UtcNow],
            cancellationToken);
#pragma warning restore EF1002, EF1003
        return inserted == 1;
    }
}
