using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>Reads a mapped property's value from a result column: the provider type from the reader, then the property's value converter, if any.</summary>
internal static class ColumnReaders
{
    private static readonly MethodInfo ReadFieldMethod =
        typeof(ColumnReaders).GetMethod(nameof(ReadField), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The reader of <paramref name="property"/>; call it only on a non-null column.</summary>
    public static Func<DbDataReader, int, object> For(IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        var provider = converter?.ProviderClrType ?? property.ClrType;
        var read = ReadFieldMethod.MakeGenericMethod(Nullable.GetUnderlyingType(provider) ?? provider)
            .CreateDelegate<Func<DbDataReader, int, object>>();
        return converter is null ? read : (reader, ordinal) => converter.ConvertFromProvider(read(reader, ordinal))!;
    }

    private static object ReadField<TValue>(DbDataReader reader, int ordinal) => reader.GetFieldValue<TValue>(ordinal)!;
}
