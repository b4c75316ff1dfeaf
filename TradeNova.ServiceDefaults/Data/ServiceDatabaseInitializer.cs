using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

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
        {
            return;
        }

        var deadline = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(typeof(TContext).Name);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && deadline.Elapsed < options.Value.StartupRetryWindow)
            {
                LogDatabaseUnavailable(ex, typeof(TContext).Name, attempt, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: SocketException or TimeoutException } => true,
        PostgresException { SqlState: "57P03" } => true, // the database system is starting up
        _ => ex.InnerException is not null && IsTransient(ex.InnerException),
    };

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema for {Context} is up to date")]
    private partial void LogMigrated(string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database for {Context} unavailable (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogDatabaseUnavailable(Exception exception, string context, int attempt, TimeSpan delay);
}
