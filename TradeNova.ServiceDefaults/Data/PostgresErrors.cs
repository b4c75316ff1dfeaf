using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TradeNova.ServiceDefaults.Data;

public static class PostgresErrors
{
    /// <summary>True when <paramref name="exception"/> (or what it wraps) is a unique-constraint violation.</summary>
    public static bool IsUniqueViolation(this Exception exception, string? constraintName = null)
    {
        var postgres = exception as PostgresException ?? (exception as DbUpdateException)?.InnerException as PostgresException;
        return postgres is { SqlState: PostgresErrorCodes.UniqueViolation }
            && (constraintName is null || string.Equals(postgres.ConstraintName, constraintName, StringComparison.Ordinal));
    }
}
