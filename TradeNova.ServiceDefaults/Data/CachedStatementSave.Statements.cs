using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>What one tracked entry writes: its statement, its parameters, the values it reads back.</summary>
public static partial class CachedStatementSave
{
    private static Statement? Prepare(EntityEntry entry, TablePlan table, int order, bool guarded)
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

        var command = new NpgsqlBatchCommand(Sql.GetOrAdd(new StatementKey(entry.Metadata, isUpdate, written, read, guarded && isUpdate), Build, table));
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
