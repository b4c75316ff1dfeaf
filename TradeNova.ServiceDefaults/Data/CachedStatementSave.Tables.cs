using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>What the writer knows of a table, built once per entity type, and the SQL per column set.</summary>
public static partial class CachedStatementSave
{
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
        var returned = (key.Read != 0 ? Selected(columns, key.Read) : table.Key.Take(1).Select(i => columns[i])).ToList();
        sql.Append(" RETURNING ").AppendJoin(", ", returned);
        if (!key.Guarded)
        {
            return sql.ToString();
        }

        // In a batch that commits, a missing row must stop the batch before its COMMIT, so it has to be an error: the
        // count of updated rows divides one (1 / 0 fails with 22012), and the row itself is returned as before.
        return $"WITH updated AS ({sql}) SELECT {string.Join(", ", returned.Select(c => "updated." + c))} "
               + "FROM (SELECT 1 / count(*) AS one FROM updated) AS matched LEFT JOIN updated ON matched.one = 1";
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

        var readers = properties.Select(ColumnReaders.For).ToArray();
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

    /// <param name="Guarded">An UPDATE that fails (division by zero) when it matches no row, for a batch that ends in COMMIT.</param>
    private readonly record struct StatementKey(IEntityType EntityType, bool IsUpdate, ulong Written, ulong Read, bool Guarded);

    private sealed record TablePlan(
        string Name,
        IProperty[] Properties,
        string[] Columns,
        int[] Key,
        int[] Tokens,
        Func<DbDataReader, int, object>[] Readers,
        int Rank,
        bool SelfReferencing);
}
