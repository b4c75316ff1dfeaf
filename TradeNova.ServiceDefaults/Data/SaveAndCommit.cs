using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>
/// The last save of a transaction and its commit in one round trip. Where <see cref="CachedStatementSave"/> writes the
/// save, its batch ends with COMMIT (an UPDATE that finds no row then fails inside the batch, so nothing is committed);
/// any other save goes to EF and the transaction commits as usual. Either way the context's transaction interceptors
/// hear of the commit, as they would from <see cref="IDbContextTransaction.CommitAsync"/> (the outbox's hand-off
/// publishes on it), and the context has no transaction afterwards.
/// </summary>
public static class SaveAndCommit
{
    /// <returns>The number of entries written, as from <see cref="DbContext.SaveChangesAsync(CancellationToken)"/>.</returns>
    /// <exception cref="InvalidOperationException">The context has no transaction to commit.</exception>
    public static async Task<int> SaveChangesAndCommitAsync(this DbContext context, CancellationToken cancellationToken)
    {
        var transaction = context.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("SaveChangesAndCommitAsync needs the context's transaction to commit.");
        int saved;
        bool committed;
        var startTime = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        using (var request = CachedStatementSave.RequestCommit(context))
        {
            saved = await context.SaveChangesAsync(cancellationToken);
            committed = request.Committed;
        }

        if (!committed)
        {
            await transaction.CommitAsync(cancellationToken);
            return saved;
        }

        await context.GetService<IDiagnosticsLogger<DbLoggerCategory.Database.Transaction>>().TransactionCommittedAsync(
            context.GetService<IRelationalConnection>(), transaction.GetDbTransaction(), transaction.TransactionId, startTime,
            Stopwatch.GetElapsedTime(started), cancellationToken);
        // The connection's transaction has ended (PostgreSQL reported it idle): disposing it only lets the context go of it.
        await transaction.DisposeAsync();
        return saved;
    }
}
