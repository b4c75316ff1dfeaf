using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>
/// Turns rows read with plain ADO.NET into entities the context tracks as <see cref="EntityState.Unchanged"/>, reading
/// each mapped property from its column by name (with the property's value converter, if any). A handler can then fetch
/// several tables in one <c>NpgsqlBatch</c> (one round trip, where each EF query is one of its own) and still save what
/// it changes through EF. The row must carry every mapped column of the entity's table (<c>SELECT *</c>), and the
/// entity needs a parameterless constructor.
/// </summary>
public static class TrackedRows
{
    private static readonly ConcurrentDictionary<IEntityType, ColumnReader[]> Plans = new();

    /// <summary>Reads the reader's current row as a <typeparamref name="T"/> and attaches it unchanged.</summary>
    /// <exception cref="InvalidOperationException">The context already tracks another instance with the same key.</exception>
    public static T Attach<T>(DbContext db, DbDataReader row) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))
                         ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of {db.GetType().Name}.");
        // Through the parameterless constructor, as EF does; every mapped member, required or not, is set from the row.
        var entity = Activator.CreateInstance<T>();
        foreach (var column in Plans.GetOrAdd(entityType, Plan))
        {
            var ordinal = row.GetOrdinal(column.Name);
            column.Set(entity, row.IsDBNull(ordinal) ? null : column.Read(row, ordinal));
        }

        db.Entry(entity).State = EntityState.Unchanged;
        return entity;
    }

    private static ColumnReader[] Plan(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        return [.. entityType.GetProperties().Select(property =>
        {
            if (property.IsShadowProperty())
            {
                throw new NotSupportedException($"{entityType.DisplayName()}.{property.Name} is a shadow property; TrackedRows sets CLR members only.");
            }

            Action<object, object?> set = property.PropertyInfo is { CanWrite: true } info ? info.SetValue : property.FieldInfo!.SetValue;
            return new ColumnReader(
                property.GetColumnName(table) ?? throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} has no column."),
                ColumnReaders.For(property),
                set);
        })];
    }

    private sealed record ColumnReader(string Name, Func<DbDataReader, int, object> Read, Action<object, object?> Set);
}
