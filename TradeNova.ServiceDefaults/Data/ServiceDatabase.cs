using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>The one place that says how a service talks to its schema; runtime and design time both use it.
/// Tables, columns, keys and indexes get snake_case names (EFCore.NamingConventions).</summary>
public static class ServiceDatabase
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    private static readonly int NpgsqlDefaultMaxPoolSize = new NpgsqlConnectionStringBuilder().MaxPoolSize;

    public static string ConnectionName(string serviceName) => $"{serviceName}db";

    public static DbContextOptionsBuilder UseServiceNpgsql(
        this DbContextOptionsBuilder options, string connectionString, string serviceName, int maxPoolSize = 0) =>
        options.UseNpgsql(ForContexts(connectionString, maxPoolSize), npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, serviceName))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Every service runs the same few statements thousands of times (inbox, outbox, the exchange pass): prepared once per
    /// connection, PostgreSQL stops parsing and planning them on each call. A connection string that sets
    /// <c>Max Auto Prepare</c> itself keeps its value. A context's connection keeps no session state (its locks are
    /// transaction-scoped), so returning it to the pool skips the seven-statement reset that otherwise rides on the next
    /// command of every open; code that holds session state (an advisory lock) opens its own connection from the plain
    /// connection string, a pool of its own that still resets. JIT compilation is off for these connections.
    /// <paramref name="maxPoolSize"/> (when above 0) caps the pool unless the string sets a size other than Npgsql's default.
    /// </summary>
    public static string ForContexts(string connectionString, int maxPoolSize = 0)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (maxPoolSize > 0 && builder.MaxPoolSize == NpgsqlDefaultMaxPoolSize && builder.MinPoolSize <= maxPoolSize)
        {
            builder.MaxPoolSize = maxPoolSize;
        }

        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
        }

        builder.NoResetOnClose = true;
        // Short OLTP statements only: PostgreSQL's JIT compiled the exchange's candidate query on every pass (its
        // estimate crosses jit_above_cost), 8-30 ms of compiling for about a millisecond of work.
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : $"{builder.Options} -c jit=off";
        }

        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder<TContext> UseServiceNpgsql<TContext>(
        this DbContextOptionsBuilder<TContext> options, string connectionString, string serviceName)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UseServiceNpgsql(connectionString, serviceName);
}
