using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TradeNova.Execution.Brokers.Alpaca.Accounts;
using TradeNova.Execution.Brokers.Alpaca.Reconciliation;
using TradeNova.Execution.Brokers.Alpaca.Streaming;
using TradeNova.Execution.Credentials;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>
/// One <c>trade_updates</c> stream per user with live orders at Alpaca: started on demand when an order is acknowledged,
/// and by a periodic sweep (so also right after a restart) for every connected user with watched live orders (open, or
/// ended here so recently that Alpaca may still fill them: <see cref="WatchedLiveOrders"/>); stopped once a user has
/// none, or no connection. Every (re)connect reconciles the user's open orders over REST first. Another
/// instance running the same user's stream is harmless: updates are applied under row locks against the cumulative fill.
/// </summary>
public sealed partial class AlpacaStreamSupervisor(
    IServiceScopeFactory scopes,
    AlpacaClientFactory clients,
    AlpacaTradeStreamFactory streams,
    IOptions<AlpacaOptions> options,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers,
    TimeProvider time,
    AlpacaAccountSync accountSync) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, RunningStream> _running = new();
    private readonly ILogger _logger = loggers.CreateLogger<AlpacaStreamSupervisor>();

    public bool IsRunning(Guid userId) => _running.ContainsKey(userId);

    /// <summary>Starts the user's stream unless it runs already.</summary>
    public void Ensure(Guid userId, AlpacaCredentials credentials)
    {
        if (_running.ContainsKey(userId) || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        var entry = new RunningStream(stop, time.GetUtcNow());
        if (!_running.TryAdd(userId, entry))
        {
            stop.Dispose();
            return;
        }

        var synchronizer = new AlpacaOrderSynchronizer(clients.Create(credentials), new AlpacaOrderStateStore(userId, scopes),
            loggers.CreateLogger<AlpacaOrderSynchronizer>());
        var stream = streams.Create(credentials);
        LogStarting(userId);
        entry.Run = Task.Run(async () =>
        {
            try
            {
                await stream.RunAsync(new AccountSyncingTradeUpdateHandler(synchronizer, userId, accountSync), stop.Token);
            }
            catch (Exception error)
            {
                // Refused keys end the stream; the next sweep tries again only if the user reconnects (new keys).
                LogStopped(error, userId);
            }
            finally
            {
                _running.TryRemove(new KeyValuePair<Guid, RunningStream>(userId, entry));
                stop.Dispose();
            }
        });
    }

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

            await Task.Delay(options.Value.StreamSweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var running = _running.Values.ToList();
        foreach (var entry in running)
        {
            await entry.Stop.CancelAsync();
        }

        await Task.WhenAll(running.Select(r => r.Run ?? Task.CompletedTask)).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        var wanted = await db.Orders.AsNoTracking()
            .Where(WatchedLiveOrders.Since(time.GetUtcNow() - options.Value.SettleWindow))
            .Select(o => o.UserId)
            .Intersect(db.BrokerConnections.Select(c => c.UserId))
            .ToListAsync(cancellationToken);
        var credentials = scope.ServiceProvider.GetRequiredService<BrokerCredentialStore>();
        foreach (var userId in wanted.Where(u => !_running.ContainsKey(u)))
        {
            if (await credentials.LoadCredentialsAsync(userId, cancellationToken) is { } keys)
            {
                Ensure(userId, keys);
            }
        }

        // A stream just started on demand may belong to an order committed after the query above: leave it a sweep.
        var idleSince = time.GetUtcNow() - 2 * options.Value.StreamSweepInterval;
        foreach (var (userId, entry) in _running)
        {
            if (!wanted.Contains(userId) && entry.StartedAt < idleSince)
            {
                LogIdle(userId);
                await entry.Stop.CancelAsync();
            }
        }
    }

    private sealed class RunningStream(CancellationTokenSource stop, DateTimeOffset startedAt)
    {
        public CancellationTokenSource Stop { get; } = stop;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public Task? Run { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting the Alpaca trade stream of user {UserId}")]
    private partial void LogStarting(Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the Alpaca trade stream of user {UserId}: no open live orders")]
    private partial void LogIdle(Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Alpaca trade stream of user {UserId} stopped")]
    private partial void LogStopped(Exception error, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca stream sweep failed; retrying later")]
    private partial void LogSweepFailed(Exception error);
}
