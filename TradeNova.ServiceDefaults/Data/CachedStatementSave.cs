using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>
/// Writes an ordinary <c>SaveChangesAsync</c> with SQL built once per table and column set, instead of letting EF Core
/// plan, sort and generate every INSERT and UPDATE again at each save (the largest part of Execution's CPU per order
/// under load). What it writes, EF would have written: the same rows and columns, the same checks (an UPDATE must find
/// its row under its original key and concurrency tokens, else <see cref="DbUpdateConcurrencyException"/>), store
/// values read back (identity keys, <c>xmin</c>), errors wrapped in <see cref="DbUpdateException"/>, all statements in
/// one round trip that succeeds or fails as a whole, rows in EF's order (principal tables first, then by key, so concurrent
/// saves lock shared rows in the same order), then the entries accepted.
/// A save it does not recognise goes to EF untouched: deletes, owned, shared-table or inherited types, a key or
/// foreign key still holding a temporary value, a self-referencing type with new rows, types EF would order by a cycle,
/// and any save inside a transaction where EF would set a savepoint (<see cref="DatabaseFacade.AutoSavepointsEnabled"/>).
/// </summary>
public sealed class CachedStatementSaveInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || eventData.Context is not { } context)
        {
            return result;
        }

        return await CachedStatementSave.TrySaveAsync(context, cancellationToken) is { } saved
            ? InterceptionResult<int>.SuppressWithResult(saved)
            : result;
    }
}

/// <summary>The writer behind <see cref="CachedStatementSaveInterceptor"/>; public for its tests.</summary>
public static partial class CachedStatementSave
{
    private static readonly ConcurrentDictionary<IEntityType, TablePlan?> Tables = new();
    private static readonly ConcurrentDictionary<StatementKey, string> Sql = new();
    private static readonly NpgsqlCommand ParameterFactory = new();
    private static readonly ConditionalWeakTable<DbContext, CommitRequest> CommitRequests = new();

    /// <summary>Saves the context's changes and returns how many entries it wrote, or null when EF should save them.</summary>
    public static async Task<int?> TrySaveAsync(DbContext context, CancellationToken cancellationToken)
    {
        var database = context.Database;
        if (database.GetDbConnection() is not NpgsqlConnection connection
            || (database.CurrentTransaction is not null && database.AutoSavepointsEnabled))
        {
            return null;
        }

        // Asked to end the ambient transaction with this save (SaveChangesAndCommitAsync): COMMIT rides in the batch.
        var commit = CommitRequests.TryGetValue(context, out var request) && database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction
            ? request
            : null;

        // Entries() detects changes first when automatic detection is on, as SaveChanges would.
        var statements = new List<Statement>();
        var index = 0;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.State)
            {
                case EntityState.Unchanged or EntityState.Detached:
                    continue;
                case EntityState.Deleted:
                    return null;
            }

            if (Tables.GetOrAdd(entry.Metadata, static (type, db) => Plan(type, db.GetService<ISqlGenerationHelper>()), context) is not { } table || Prepare(entry, table, index++, guarded: commit is not null) is not { } statement)
            {
                return null;
            }

            statements.Add(statement);
        }

        if (statements.Count == 0 || !Orderable(statements))
        {
            return null;
        }

        statements.Sort(Compare);
        await WriteAsync(context, connection, statements, commit, cancellationToken);
        context.ChangeTracker.AcceptAllChanges();
        return statements.Count;
    }

    /// <summary>
    /// Principal tables first; within a table updates before inserts (an update may free a unique value a new row takes),
    /// then by key, as EF orders its commands: concurrent saves touching the same rows lock them in the same order.
    /// </summary>
    private static int Compare(Statement a, Statement b)
    {
        if (a.Table.Rank != b.Table.Rank)
        {
            return a.Table.Rank.CompareTo(b.Table.Rank);
        }

        var table = string.CompareOrdinal(a.Table.Name, b.Table.Name);
        if (table != 0)
        {
            return table;
        }

        if (a.IsUpdate != b.IsUpdate)
        {
            return a.IsUpdate ? -1 : 1;
        }

        for (var i = 0; i < a.Key.Length; i++)
        {
            if (a.Key[i] is IComparable left && b.Key[i] is { } right && left.GetType() == right.GetType())
            {
                var byKey = left.CompareTo(right);
                if (byKey != 0)
                {
                    return byKey;
                }
            }
        }

        return a.Order.CompareTo(b.Order);
    }

    /// <summary>
    /// Marks <paramref name="context"/>'s next save as the last of its transaction: when this writer takes it, its batch
    /// ends with COMMIT and <see cref="CommitRequest.Committed"/> is set. Dispose the registration after the save.
    /// </summary>
    internal static CommitRequest RequestCommit(DbContext context)
    {
        var request = new CommitRequest(context);
        CommitRequests.AddOrUpdate(context, request);
        return request;
    }

    /// <summary>A save asked to commit its transaction; <see cref="Committed"/> once its batch did.</summary>
    internal sealed class CommitRequest(DbContext context) : IDisposable
    {
        public bool Committed { get; set; }

        public void Dispose() => CommitRequests.Remove(context);
    }

    private static async Task WriteAsync(
        DbContext context, NpgsqlConnection connection, List<Statement> statements, CommitRequest? commit, CancellationToken cancellationToken)
    {
        var database = context.Database;
        var ambient = database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        // One batch is one implicit transaction; an explicit one is needed only where EF would open one: to undo the
        // other statements when an UPDATE finds no row, or always when the context asks for it. A single statement
        // needs none, as EF opens none for it.
        var ownTransaction = ambient is null && (database.AutoTransactionBehavior == AutoTransactionBehavior.Always
                                                 || (database.AutoTransactionBehavior == AutoTransactionBehavior.WhenNeeded
                                                     && statements.Count > 1 && statements.Exists(s => s.IsUpdate)));
        await database.OpenConnectionAsync(cancellationToken);
        NpgsqlTransaction? own = null;
        try
        {
            own = ownTransaction ? await connection.BeginTransactionAsync(cancellationToken) : null;
            await using var batch = new NpgsqlBatch(connection, ambient ?? own);
            if (database.GetCommandTimeout() is { } timeout)
            {
                batch.Timeout = timeout;
            }

            foreach (var statement in statements)
            {
                batch.BatchCommands.Add(statement.Command);
            }

            if (commit is not null)
            {
                // Reached only if every statement before it succeeded (an error skips the rest of the batch), and a
                // missing row is an error here (guarded updates): the transaction commits whole or stays to be rolled back.
                batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            }

            Statement? missing = null;
            var current = 0; // the statement whose result is being read: the one that failed, if reading throws
            try
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                for (var i = 0; i < statements.Count; i++)
                {
                    current = i;
                    if ((i > 0 && !await reader.NextResultAsync(cancellationToken)) || !await reader.ReadAsync(cancellationToken))
                    {
                        missing = statements[i];
                        break;
                    }

                    statements[i].ReadBack(reader);
                }

                if (commit is not null && missing is null)
                {
                    await reader.NextResultAsync(cancellationToken); // the COMMIT's own result, so an error there is seen here
                    commit.Committed = true;
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DivisionByZero && commit is not null
                                               && current < statements.Count && statements[current].IsUpdate)
            {
                missing = statements[current]; // its guard: the update matched no row
            }
            catch (DbException ex)
            {
                throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.",
                    ex, [.. statements.Select(s => s.Entry)]);
            }

            if (missing is not null)
            {
                throw new DbUpdateConcurrencyException(
                    $"The update of {missing.Entry.Metadata.DisplayName()} matched no row: it was changed or deleted since it was read.");
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        catch when (own is not null)
        {
            await own.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }

            await database.CloseConnectionAsync();
        }

        foreach (var statement in statements)
        {
            statement.Propagate();
        }
    }

    /// <summary>New rows of a type that references itself could depend on one another: EF orders those.</summary>
    private static bool Orderable(List<Statement> statements)
    {
        foreach (var statement in statements)
        {
            if (statement.Table.SelfReferencing && !statement.IsUpdate)
            {
                return false;
            }
        }

        return true;
    }
}
