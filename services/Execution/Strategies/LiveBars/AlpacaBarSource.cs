using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.MarketData;
using TradeNova.Execution.Credentials;
using TradeNova.Trading.Data;

namespace TradeNova.Execution.Strategies.LiveBars;

/// <summary>
/// Live runs' bars from the user's own Alpaca market data (<see cref="AlpacaUserBars"/>: one stream per user on this
/// instance, shared by their runs). Windows close on Alpaca's clock — a later minute bar, or the wall clock
/// <see cref="StrategyOptions.LiveBarSettle"/> past the window's end — and windows missed meanwhile are decided one by one.
/// </summary>
public sealed partial class AlpacaBarSource(
    IServiceScopeFactory scopes,
    AlpacaClientFactory clients,
    AlpacaMarketDataStreamFactory streams,
    IOptions<AlpacaOptions> alpaca,
    IOptions<StrategyOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILoggerFactory loggers) : IRunBarSource
{
    private readonly ConcurrentDictionary<Guid, AlpacaUserBars> _users = new();
    private readonly SemaphoreSlim _changing = new(1, 1);
    private readonly ILogger _logger = loggers.CreateLogger<AlpacaBarSource>();

    public string Name => $"alpaca-{alpaca.Value.DataFeed}";

    public int CatchUpWindows => options.Value.LiveCatchUpWindows;

    public async Task AttachAsync(ActiveRun run, CancellationToken cancellationToken)
    {
        await _changing.WaitAsync(cancellationToken);
        try
        {
            if (!_users.TryGetValue(run.UserId, out var user))
            {
                await using var scope = scopes.CreateAsyncScope();
                var credentials = await scope.ServiceProvider.GetRequiredService<BrokerCredentialStore>().LoadCredentialsAsync(run.UserId, cancellationToken);
                if (credentials is null)
                {
                    LogNoKeys(run.Id, run.UserId);
                    return;
                }

                user = new AlpacaUserBars(run.UserId, clients.Create(credentials), streams.Create(credentials, AlpacaMarketDataSubscription.None),
                    options.Value.LiveBarRetryDelay, time, loggers.CreateLogger<AlpacaUserBars>());
                _users[run.UserId] = user;
                user.Start(lifetime.ApplicationStopping);
            }

            await user.AddRunAsync(run.Id, run.Strategy.Symbols, cancellationToken);
        }
        finally
        {
            _changing.Release();
        }
    }

    public void Detach(ActiveRun run)
    {
        _changing.Wait();
        try
        {
            if (_users.TryGetValue(run.UserId, out var user) && user.RemoveRun(run.Id))
            {
                // No run of the user left here: the stream goes (Alpaca allows one per key and feed).
                _users.TryRemove(run.UserId, out _);
                _ = user.StopAsync();
            }
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>Without the user's keys nothing closes: the run waits (its orders could not be sent either).</summary>
    public DateTimeOffset Now(ActiveRun run) =>
        _users.TryGetValue(run.UserId, out var user) ? user.Now(time.GetUtcNow() - options.Value.LiveBarSettle) : DateTimeOffset.MinValue;

    public Task<IReadOnlyDictionary<string, Bar>?> BarsAsync(ActiveRun run, DateTimeOffset window, CancellationToken cancellationToken) =>
        _users.TryGetValue(run.UserId, out var user)
            ? user.BarsAsync(run.Strategy.Symbols, window, run.BarLength, cancellationToken)
            : Task.FromResult<IReadOnlyDictionary<string, Bar>?>(null);

    [LoggerMessage(EventId = 7120, Level = LogLevel.Warning, Message = "Live strategy run {RunId} waits: user {UserId} has no Alpaca keys connected")]
    private partial void LogNoKeys(Guid runId, Guid userId);
}
