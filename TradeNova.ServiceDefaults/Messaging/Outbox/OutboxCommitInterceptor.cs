using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>Signals the relay once a save or transaction that touched outbox rows has committed.</summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Inside an explicit transaction nothing is committed yet: the transaction's commit signals.
        if (eventData.Context?.Database.CurrentTransaction is null)
            NotifyIfOutboxTracked(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        NotifyIfOutboxTracked(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfOutboxTracked(eventData.Context);
        return Task.CompletedTask;
    }

    private void NotifyIfOutboxTracked(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any())
            signal.Notify();
    }
}
