using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
public static class CachedStatementSave
{
    private static readonly ConcurrentDictionary<IEntityType, TablePlan?> Tables = new();
    private static readonly ConcurrentDictionary<StatementKey, string> Sql = new();
    private static readonly NpgsqlCommand ParameterFactory = new();

    private static readonly MethodInfo ReadFieldMethod =
        typeof(CachedStatementSave).GetMethod(nameof(ReadField), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Saves the context's changes and returns how many entries it wrote, or null when EF should save them.</summary>
    public static async Task<int?> TrySaveAsync(DbContext context, CancellationToken cancellationToken)
    {
        var database = context.Database;
        if (database.GetDbConnection() is not NpgsqlConnection connection
            || (database.CurrentTransaction is not null && database.AutoSavepointsEnabled))
        {
            return null;
        }

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

            if (Tables.GetOrAdd(entry.Metadata, static (type, db) => Plan(type, db.GetService<ISqlGenerationHelper>()), context) is not { } table || Prepare(entry, table, index++) is not { } statement)
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
        await WriteAsync(context, connection, statements, cancellationToken);
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

    private static async Task WriteAsync(DbContext context, NpgsqlConnection connection, List<Statement> statements, CancellationToken cancellationToken)
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

            Statement? missing = null;
            try
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                for (var i = 0; i < statements.Count; i++)
                {
                    if ((i > 0 && !await reader.NextResultAsync(cancellationToken)) || !await reader.ReadAsync(cancellationToken))
                    {
                        missing = statements[i];
                        break;
                    }

                    statements[i].ReadBack(reader);
                }
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

    private static Statement? Prepare(EntityEntry entry, TablePlan table, int order)
    {
        var properties = table.Properties;
        ulong written = 0, read = 0;
        var isUpdate = entry.State == EntityState.Modified;
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var value = entry.Property(property);
            if (!isUpdate)
            {
                var generatedOnAdd = (property.ValueGenerated & ValueGenerated.OnAdd) != 0;
                if (property.GetBeforeSaveBehavior() != PropertySaveBehavior.Save)
                {
                    if (property.ValueGenerated != ValueGenerated.Never)
                    {
                        read |= 1UL << i;
                    }
                }
                else if (generatedOnAdd && (value.IsTemporary || Equals(value.CurrentValue, property.Sentinel)))
                {
                    read |= 1UL << i;
                }
                else if (value.IsTemporary)
                {
                    return null; // a temporary value (a key to be generated, or a foreign key to one) never goes to the database
                }
                else
                {
                    written |= 1UL << i;
                }
            }
            else
            {
                if (value.IsModified && property.GetAfterSaveBehavior() != PropertySaveBehavior.Ignore)
                {
                    if (property.GetAfterSaveBehavior() == PropertySaveBehavior.Throw || value.IsTemporary)
                    {
                        return null; // EF refuses the save
                    }

                    written |= 1UL << i;
                }

                if ((property.ValueGenerated & ValueGenerated.OnUpdate) != 0)
                {
                    read |= 1UL << i;
                }
            }
        }

        if (isUpdate && written == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(Sql.GetOrAdd(new StatementKey(entry.Metadata, isUpdate, written, read), Build, table));
        for (var i = 0; i < properties.Length; i++)
        {
            if ((written & (1UL << i)) != 0)
            {
                Add(command, properties[i], entry.Property(properties[i]).CurrentValue);
            }
        }

        if (isUpdate)
        {
            foreach (var i in table.Key)
            {
                Add(command, properties[i], entry.Property(properties[i]).OriginalValue);
            }

            foreach (var i in table.Tokens)
            {
                if (entry.Property(properties[i]).OriginalValue is not { } token)
                {
                    return null; // EF compares a null token with IS NULL
                }

                Add(command, properties[i], token);
            }
        }

        var key = new object?[table.Key.Length];
        for (var k = 0; k < key.Length; k++)
        {
            var keyValue = entry.Property(properties[table.Key[k]]);
            key[k] = isUpdate ? keyValue.OriginalValue : keyValue.CurrentValue;
        }

        return new Statement(entry, table, command, isUpdate, read, order, key);
    }

    private static void Add(NpgsqlBatchCommand command, IProperty property, object? value) =>
        command.Parameters.Add((NpgsqlParameter)property.GetRelationalTypeMapping().CreateParameter(ParameterFactory, "", value, property.IsNullable));

    private static string Build(StatementKey key, TablePlan table)
    {
        var columns = table.Columns;
        var sql = new StringBuilder();
        var parameter = 0;
        if (!key.IsUpdate)
        {
            sql.Append("INSERT INTO ").Append(table.Name);
            var names = Selected(columns, key.Written).ToList();
            if (names.Count == 0)
            {
                sql.Append(" DEFAULT VALUES");
            }
            else
            {
                sql.Append(" (").AppendJoin(", ", names).Append(") VALUES (")
                    .AppendJoin(", ", names.Select(_ => $"${++parameter}")).Append(')');
            }
        }
        else
        {
            sql.Append("UPDATE ").Append(table.Name).Append(" SET ")
                .AppendJoin(", ", Selected(columns, key.Written).Select(c => $"{c} = ${++parameter}"))
                .Append(" WHERE ")
                .AppendJoin(" AND ", table.Key.Concat(table.Tokens).Select(i => $"{columns[i]} = ${++parameter}"));
        }

        // Every statement returns a row, so a missing one (an UPDATE that matched nothing) is seen in the results.
        var returned = key.Read != 0 ? Selected(columns, key.Read) : table.Key.Take(1).Select(i => columns[i]);
        return sql.Append(" RETURNING ").AppendJoin(", ", returned).ToString();
    }

    private static IEnumerable<string> Selected(string[] columns, ulong mask)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                yield return columns[i];
            }
        }
    }

    /// <summary>A table this writer handles, or null: one entity type alone on one table, no owned or complex parts.</summary>
    private static TablePlan? Plan(IEntityType entityType, ISqlGenerationHelper helper)
    {
        if (entityType.GetTableName() is not { } tableName || entityType.IsOwned() || entityType.BaseType is not null
            || entityType.GetDirectlyDerivedTypes().Any() || entityType.GetComplexProperties().Any()
            || entityType.GetMappingFragments().Any() || entityType.FindPrimaryKey() is not { } primaryKey)
        {
            return null;
        }

        var mappings = entityType.GetTableMappings().ToList();
        if (mappings.Count != 1 || mappings[0].Table.EntityTypeMappings.Count() != 1)
        {
            return null;
        }

        var properties = entityType.GetProperties().ToArray();
        if (properties.Length > 64 || properties.Any(p => p.FindRelationalTypeMapping() is null))
        {
            return null;
        }

        var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var columns = properties.Select(p => p.GetColumnName(store) is { } column ? helper.DelimitIdentifier(column) : null).ToArray();
        if (columns.Any(c => c is null))
        {
            return null;
        }

        var rank = Rank(entityType, []);
        if (rank < 0)
        {
            return null;
        }

        var readers = properties.Select(p =>
        {
            var converter = p.GetTypeMapping().Converter;
            var provider = converter?.ProviderClrType ?? p.ClrType;
            var read = ReadFieldMethod.MakeGenericMethod(Nullable.GetUnderlyingType(provider) ?? provider)
                .CreateDelegate<Func<DbDataReader, int, object>>();
            return converter is null ? read : (reader, ordinal) => converter.ConvertFromProvider(read(reader, ordinal))!;
        }).ToArray();
        return new TablePlan(
            helper.DelimitIdentifier(tableName, entityType.GetSchema()),
            properties,
            columns!,
            [.. primaryKey.Properties.Select(p => Array.IndexOf(properties, p))],
            [.. properties.Select((p, i) => (p, i)).Where(x => x.p.IsConcurrencyToken).Select(x => x.i)],
            readers,
            rank,
            entityType.GetForeignKeys().Any(fk => fk.PrincipalEntityType == entityType));
    }

    /// <summary>How many tables must be written before this one (its principals first); -1 on a cycle.</summary>
    private static int Rank(IEntityType entityType, HashSet<IEntityType> visiting)
    {
        if (!visiting.Add(entityType))
        {
            return -1;
        }

        var rank = 0;
        foreach (var foreignKey in entityType.GetForeignKeys())
        {
            var principal = foreignKey.PrincipalEntityType;
            if (principal == entityType)
            {
                continue;
            }

            var principalRank = Rank(principal, visiting);
            if (principalRank < 0)
            {
                return -1;
            }

            rank = Math.Max(rank, principalRank + 1);
        }

        visiting.Remove(entityType);
        return rank;
    }

    private static object ReadField<TValue>(DbDataReader reader, int ordinal) => reader.GetFieldValue<TValue>(ordinal)!;

    private readonly record struct StatementKey(IEntityType EntityType, bool IsUpdate, ulong Written, ulong Read);

    private sealed record TablePlan(
        string Name,
        IProperty[] Properties,
        string[] Columns,
        int[] Key,
        int[] Tokens,
        Func<DbDataReader, int, object>[] Readers,
        int Rank,
        bool SelfReferencing);

    private sealed class Statement(EntityEntry entry, TablePlan table, NpgsqlBatchCommand command, bool isUpdate, ulong read, int order, object?[] key)
    {
        private readonly List<(IProperty Property, object? Value)> _values = [];

        public EntityEntry Entry => entry;

        public TablePlan Table => table;

        public NpgsqlBatchCommand Command => command;

        public bool IsUpdate => isUpdate;

        public int Order => order;

        public object?[] Key => key;

        public void ReadBack(DbDataReader reader)
        {
            var ordinal = 0;
            for (var i = 0; i < table.Properties.Length && read != 0; i++)
            {
                if ((read & (1UL << i)) != 0)
                {
                    _values.Add((table.Properties[i], reader.IsDBNull(ordinal) ? null : table.Readers[i](reader, ordinal)));
                    ordinal++;
                }
            }
        }

        /// <summary>Store-generated values into the entity, as EF does before it accepts the entries.</summary>
        public void Propagate()
        {
            foreach (var (property, value) in _values)
            {
                var current = entry.Property(property);
                current.CurrentValue = value;
                current.IsTemporary = false;
            }
        }
    }
}
