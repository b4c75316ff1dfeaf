using Npgsql;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>Statements for an <see cref="NpgsqlBatch"/>, which reads several tables in one round trip.</summary>
public static class BatchCommands
{
    /// <summary>A statement whose positional parameters (<c>$1</c>, <c>$2</c>, ...) take <paramref name="values"/> in order.</summary>
    public static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
