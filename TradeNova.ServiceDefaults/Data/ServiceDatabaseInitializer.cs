using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace TradeNova.ServiceDefaults.Data;

/// <summary>
/// Applies migrations in <see cref="StartingAsync"/>, which the host runs before any hosted service starts
/// (Kestrel, the bus, the outbox relay), so nothing serves or consumes against an old schema.
/// </summary>
internal sealed partial class ServiceDatabaseInitializer<TContext>(
    IServiceScopeFactory scopes,
    IOptions<ServiceDatabaseOptions> options,
    ILogger<ServiceDatabaseInitializer<TContext>> logger) : IHostedLifecycleService
    where TContext : DbContext
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
            return;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // The database may still be starting (the runner, a container): Npgsql's retrying strategy retries transient
        // failures (refused connections, 57P03 "starting up") with exponential backoff capped at 5 s, about a minute in all,
        // and logs each retry.
        var strategy = new NpgsqlRetryingExecutionStrategy(db, maxRetryCount: 14, TimeSpan.FromSeconds(5), errorCodesToAdd: ["57P03"]);
        await strategy.ExecuteAsync(db, (context, token) => context.Database.MigrateAsync(token), cancellationToken);
        LogMigrated(typeof(TContext).Name);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema for {Context} is up to date")]
    private partial void LogMigrated(string context);
}
