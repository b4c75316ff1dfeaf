using Microsoft.EntityFrameworkCore;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>The one place that says how a service talks to its schema; runtime and design time both use it.
/// Tables, columns, keys and indexes get snake_case names (EFCore.NamingConventions).</summary>
public static class ServiceDatabase
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static string ConnectionName(string serviceName) => $"{serviceName}db";

    public static DbContextOptionsBuilder UseServiceNpgsql(
        this DbContextOptionsBuilder options, string connectionString, string serviceName) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, serviceName))
            .UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<TContext> UseServiceNpgsql<TContext>(
        this DbContextOptionsBuilder<TContext> options, string connectionString, string serviceName)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UseServiceNpgsql(connectionString, serviceName);
}
