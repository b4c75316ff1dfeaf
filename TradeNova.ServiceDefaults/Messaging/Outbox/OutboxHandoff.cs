using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>An outbox row whose transaction has committed, with the message it was serialised from; or, not
/// <paramref name="Durable"/>, a notification with no row (<see cref="IOutbox.Notify{T}"/>), which nothing marks sent.</summary>
internal sealed record CommittedMessage(Guid Id, object Message, Type Type, string? TraceParent, DateTimeOffset CreatedAt, bool Durable = true);

/// <summary>
/// Carries staged events from the commit that made them durable to <see cref="OutboxDispatcher{TContext}"/>, which
/// publishes them at once, so the relay's poll only has to find rows nobody handed over (a crash, a full hand-off queue,
/// a broker that was down). A row is handed over only after the save that wrote it and the transaction around that save
/// have both committed; a rolled-back or abandoned transaction hands over nothing. One per host, read by the one
/// dispatcher: a host has one outbox context (<c>AddServiceMessaging</c> is its MassTransit registration).
/// </summary>
public sealed class OutboxHandoff
{
    private readonly ConditionalWeakTable<DbContext, ContextStage> _stages = new();
    private readonly Channel<CommittedMessage> _committed = Channel.CreateBounded<CommittedMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    internal ChannelReader<CommittedMessage> Reader => _committed.Reader;

    internal void Stage(DbContext context, OutboxMessage row, object message, Type type) =>
        _stages.GetOrCreateValue(context).Stage(row, message, type);

    /// <summary>A rowless notification: it goes with whatever the context's next save and its transaction do.</summary>
    internal void StageNotification(DbContext context, CommittedMessage notification) =>
        _stages.GetOrCreateValue(context).StageNotification(notification);

    /// <summary>After a successful save: its rows wait for their transaction, or go now if the save was its own.</summary>
    internal void Saved(DbContext context)
    {
        if (!_stages.TryGetValue(context, out var stage))
            return;
        var transaction = context.Database.CurrentTransaction?.TransactionId;
        stage.Saved(context, transaction);
        if (transaction is null)
            Release(stage.Take(null));
    }

    internal void Committed(DbContext context, Guid transactionId)
    {
        if (_stages.TryGetValue(context, out var stage))
            Release(stage.Take(transactionId));
    }

    internal void RolledBack(DbContext context, Guid transactionId)
    {
        if (_stages.TryGetValue(context, out var stage))
            stage.Take(transactionId);
    }

    private void Release(List<CommittedMessage> messages)
    {
        // A full queue drops the hand-over, never the row: the relay publishes it after the grace period.
        foreach (var message in messages)
            _committed.Writer.TryWrite(message);
    }

    /// <summary>One context's staged rows, then its saved rows stamped with the transaction they were saved in.</summary>
    private sealed class ContextStage
    {
        private readonly List<(OutboxMessage Row, object Message, Type Type)> _staged = [];
        private readonly List<CommittedMessage> _notifications = [];
        private readonly List<(Guid? Transaction, CommittedMessage Message)> _saved = [];

        public void Stage(OutboxMessage row, object message, Type type)
        {
            lock (this)
                _staged.Add((row, message, type));
        }

        public void StageNotification(CommittedMessage notification)
        {
            lock (this)
                _notifications.Add(notification);
        }

        public void Saved(DbContext context, Guid? transaction)
        {
            lock (this)
            {
                // A context has one transaction at a time, and contexts are pooled: rows saved in an earlier transaction
                // that neither committed nor rolled back (abandoned, disposed) will never be handed over.
                _saved.RemoveAll(s => s.Transaction != transaction);
                for (var i = _staged.Count - 1; i >= 0; i--)
                {
                    var (row, message, type) = _staged[i];
                    switch (context.Entry(row).State)
                    {
                        case EntityState.Unchanged or EntityState.Modified:
                            _saved.Add((transaction, new CommittedMessage(row.Id, message, type, row.TraceParent, row.CreatedAt)));
                            _staged.RemoveAt(i);
                            break;
                        case EntityState.Detached: // cleared from the tracker before any save: it was never written
                            _staged.RemoveAt(i);
                            break;
                    }
                }

                // Notifications have no row to look at: they belong to this save (staged before it, in the same scope),
                // added in reverse like the rows so that Take's reversal gives them back in the order they were staged.
                for (var i = _notifications.Count - 1; i >= 0; i--)
                    _saved.Add((transaction, _notifications[i]));
                _notifications.Clear();
            }
        }

        public List<CommittedMessage> Take(Guid? transaction)
        {
            lock (this)
            {
                var taken = _saved.Where(s => s.Transaction == transaction).Select(s => s.Message).ToList();
                _saved.RemoveAll(s => s.Transaction == transaction);
                taken.Reverse(); // staged rows were scanned newest first
                return taken;
            }
        }
    }
}
