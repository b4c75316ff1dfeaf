using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TradeNova.Contracts.Execution;
using TradeNova.Execution.Credentials;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Execution.Brokers.Alpaca.Accounts;

/// <summary>
/// The broker is the truth of each user's live account: this reads the account and its positions with the user's keys
/// (as one picture: <see cref="AlpacaAccountSnapshot"/>) and publishes <see cref="BrokerAccountSynced"/> (through the
/// outbox) right after a connection is verified or replaced, after each reconciliation of the user's orders and each
/// fill (<see cref="Request"/>), and otherwise every <see cref="AlpacaAccountSyncOptions.Interval"/>. Requests go through
/// the per-key pipeline, so they count against that key's 200 a minute. With several Execution instances each reports
/// (harmless: Portfolio ignores a report no newer than the one it applied).
/// </summary>
public sealed partial class AlpacaAccountSync(
    IServiceScopeFactory scopes, AlpacaClientFactory clients, IOptions<AlpacaAccountSyncOptions> options, TimeProvider time,
    ILogger<AlpacaAccountSync> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset ConnectionUpdatedAt, DateTimeOffset At)> _synced = new();
    private readonly ConcurrentDictionary<Guid, bool> _requested = new();

    /// <summary>Reports the user's account at the next sweep (a couple of seconds), coalescing repeated requests.</summary>
    public void Request(Guid userId) => _requested[userId] = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(error);
            }

            await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        List<(Guid UserId, DateTimeOffset UpdatedAt)> connections;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            connections = (await db.BrokerConnections.AsNoTracking()
                    .Select(c => new { c.UserId, c.UpdatedAt }).ToListAsync(cancellationToken))
                .Select(c => (c.UserId, c.UpdatedAt)).ToList();
        }

        foreach (var gone in _synced.Keys.Except(connections.Select(c => c.UserId)).ToList())
        {
            _synced.TryRemove(gone, out _);
        }

        var now = time.GetUtcNow();
        foreach (var (userId, updatedAt) in connections)
        {
            var requested = _requested.TryRemove(userId, out _);
            var due = requested
                      || !_synced.TryGetValue(userId, out var last)
                      || last.ConnectionUpdatedAt != updatedAt
                      || now - last.At >= options.Value.Interval;
            if (due)
            {
                await SyncAsync(userId, updatedAt, cancellationToken);
            }
        }
    }

    private async Task SyncAsync(Guid userId, DateTimeOffset connectionUpdatedAt, CancellationToken cancellationToken)
    {
        // Whatever happens, this connection is not tried again before the interval (unless requested): refused keys or an
        // outage must not spend the key's request budget.
        var asOf = time.GetUtcNow();
        _synced[userId] = (connectionUpdatedAt, asOf);
        await using var scope = scopes.CreateAsyncScope();
        var credentials = await scope.ServiceProvider.GetRequiredService<BrokerCredentialStore>().LoadCredentialsAsync(userId, cancellationToken);
        if (credentials is null)
        {
            return;
        }

        try
        {
            var client = clients.Create(credentials);
            // As of the moment before reading: a fill stamped at or before it is surely in these figures.
            var snapshot = await AlpacaAccountSnapshot.ReadAsync(
                client.GetAccountAsync, client.ListPositionsAsync, AlpacaAccountSnapshot.DefaultAttempts, cancellationToken);
            if (snapshot is not { } read)
            {
                // Fills kept landing between the reads: report at the next sweep rather than a picture that is half old.
                LogUnsettled(userId);
                Request(userId);
                return;
            }

            var report = AlpacaAccountReport.From(userId, read.Account, read.Positions, asOf, credentials.Environment);
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            scope.ServiceProvider.GetRequiredService<IOutbox>().Add(report);
            await db.SaveChangesAsync(cancellationToken);
            LogSynced(userId, report.Positions.Count);
        }
        catch (AlpacaApiException error)
        {
            LogSyncFailed(userId, error.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reported the broker account of user {UserId} ({Positions} positions)")]
    private partial void LogSynced(Guid userId, int positions);

    [LoggerMessage(Level = LogLevel.Information, Message = "The broker account of user {UserId} kept changing while it was read; reading it again at the next sweep")]
    private partial void LogUnsettled(Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the broker account of user {UserId}: {Kind}; trying again later")]
    private partial void LogSyncFailed(Guid userId, AlpacaErrorKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker account sweep failed; retrying later")]
    private partial void LogSweepFailed(Exception error);
}
