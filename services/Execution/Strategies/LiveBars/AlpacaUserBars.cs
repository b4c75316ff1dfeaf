using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.MarketData;
using TradeNova.Trading.Data;

namespace TradeNova.Execution.Strategies.LiveBars;

/// <summary>
/// One user's Alpaca minute bars, shared by all their live runs on this instance: one market-data stream subscribed to
/// the union of the runs' symbols on the <c>bars</c> channel, and the minute bars kept by (symbol, minute), so a bar
/// that arrives twice (stream and REST) is still one bar.
/// <para>
/// A symbol is <em>covered</em> from the minute after the first bar this connection delivered once it was subscribed:
/// from then on the stream hands over every minute bar Alpaca makes. A window not wholly covered — before the first bar,
/// while the stream is down, or after a reconnect — is read over REST (<c>GET /v2/stocks/bars</c>, paged) instead, so a
/// run sees every bar of every window whatever happened to the stream.
/// </para>
/// </summary>
public sealed partial class AlpacaUserBars(
    Guid userId, AlpacaClient client, AlpacaMarketDataStream stream, TimeSpan retryDelay, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>How long received minute bars are kept: the longest window (a day) and then some.</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromDays(2);

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, IReadOnlyList<string>> _runs = [];
    private readonly Dictionary<string, SortedList<DateTimeOffset, Bar>> _bars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset?> _coveredFrom = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _coverageConnection;
    private DateTimeOffset _latestBar = DateTimeOffset.MinValue;
    private DateTimeOffset _restPausedUntil = DateTimeOffset.MinValue;
    private Task _pump = Task.CompletedTask;

    public Guid UserId => userId;

    public void Start(CancellationToken stopping)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _stop.Token);
        _pump = Task.Run(async () =>
        {
            try
            {
                await stream.RunAsync(OnDataAsync, linked.Token);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Refused keys or a plan without the feed: the runs carry on over REST alone.
                LogStreamEnded(error, userId);
            }
            finally
            {
                linked.Dispose();
            }
        }, CancellationToken.None);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    /// <summary>Adds (or re-adds) a run; subscribes the symbols no other run had.</summary>
    public async Task AddRunAsync(Guid runId, IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        List<string> added;
        lock (_lock)
        {
            added = [.. symbols.Where(s => !_bars.ContainsKey(s)).Distinct(StringComparer.Ordinal)];
            _runs[runId] = symbols;
            foreach (var symbol in added)
            {
                _bars[symbol] = [];
                _coveredFrom[symbol] = null; // until a bar shows the subscription is live
            }
        }

        if (added.Count > 0)
        {
            await stream.SubscribeAsync(new AlpacaMarketDataSubscription(added, [], []), cancellationToken);
        }
    }

    /// <summary>Removes a run and unsubscribes the symbols no run needs any more; true when no run is left.</summary>
    public bool RemoveRun(Guid runId)
    {
        List<string> unused;
        bool empty;
        lock (_lock)
        {
            if (!_runs.Remove(runId))
            {
                return _runs.Count == 0;
            }

            var needed = _runs.Values.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
            unused = [.. _bars.Keys.Where(s => !needed.Contains(s))];
            foreach (var symbol in unused)
            {
                _bars.Remove(symbol);
                _coveredFrom.Remove(symbol);
            }

            empty = _runs.Count == 0;
        }

        if (unused.Count > 0 && !empty)
        {
            _ = UnsubscribeAsync(unused);
        }

        return empty;
    }

    /// <summary>The feed's clock: a minute bar stamped T means every minute before T has been delivered; and once
    /// <paramref name="settled"/> (the wall clock less a settling delay) has passed a window's end, its bars are in.</summary>
    public DateTimeOffset Now(DateTimeOffset settled)
    {
        lock (_lock)
        {
            return _latestBar > settled ? _latestBar : settled;
        }
    }

    /// <summary>The run's bars over [window, window + length): from the stream where it covered the window, else over REST.
    /// Null while REST is failing (asked again after a pause).</summary>
    public async Task<IReadOnlyDictionary<string, Bar>?> BarsAsync(IReadOnlyList<string> symbols, DateTimeOffset window, TimeSpan length,
        CancellationToken cancellationToken)
    {
        var end = window + length;
        List<string> uncovered;
        lock (_lock)
        {
            var live = stream.IsConnected && stream.Connections == _coverageConnection;
            uncovered = [.. symbols.Where(s => !(live && _coveredFrom.GetValueOrDefault(s) is { } from && from <= window))];
        }

        if (uncovered.Count > 0 && !await FetchAsync(uncovered, window, end, cancellationToken))
        {
            return null;
        }

        var bars = new Dictionary<string, Bar>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var symbol in symbols)
            {
                if (!_bars.TryGetValue(symbol, out var minutes))
                {
                    continue;
                }

                var aggregator = new BarAggregator(length);
                foreach (var (_, minute) in minutes.Where(m => m.Key >= window && m.Key < end))
                {
                    aggregator.Add(minute);
                }

                if (aggregator.Flush(end) is { } bar)
                {
                    bars[symbol] = bar;
                }
            }
        }

        return bars;
    }

    private async Task<bool> FetchAsync(IReadOnlyList<string> symbols, DateTimeOffset window, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() < _restPausedUntil)
        {
            return false;
        }

        try
        {
            // Alpaca's end is inclusive: the last second of the window.
            var query = new AlpacaBarsQuery
            {
                Symbols = symbols, Timeframe = "1Min", Start = window, End = end - TimeSpan.FromSeconds(1), Adjustment = "raw", PageLimit = 10_000,
            };
            var fetched = new List<(string Symbol, AlpacaBar Bar)>();
            await foreach (var item in client.GetBarsAsync(query, cancellationToken))
            {
                fetched.Add(item);
            }

            lock (_lock)
            {
                foreach (var (symbol, bar) in fetched.Where(f => f.Bar.Timestamp >= window && f.Bar.Timestamp < end))
                {
                    Keep(symbol, new Bar(bar.Timestamp, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
                }
            }

            LogFetched(userId, string.Join(",", symbols), window, fetched.Count);
            return true;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            _restPausedUntil = time.GetUtcNow() + retryDelay;
            LogFetchFailed(error, userId, window);
            return false;
        }
    }

    private ValueTask OnDataAsync(AlpacaMarketDataMessage message, CancellationToken cancellationToken)
    {
        if (message is not { Type: AlpacaMarketDataMessage.MinuteBar, Bar: { } bar })
        {
            return ValueTask.CompletedTask;
        }

        var connection = stream.Connections;
        lock (_lock)
        {
            if (connection != _coverageConnection)
            {
                // A new connection: what the old one covered says nothing about what was missed in between.
                _coverageConnection = connection;
                foreach (var symbol in _coveredFrom.Keys)
                {
                    _coveredFrom[symbol] = null;
                }
            }

            // The first bar after (re)subscribing may be one of a minute Alpaca was already sending: cover from the next.
            foreach (var symbol in _coveredFrom.Where(c => c.Value is null).Select(c => c.Key).ToList())
            {
                _coveredFrom[symbol] = bar.Timestamp + Minute;
            }

            if (bar.Timestamp > _latestBar)
            {
                _latestBar = bar.Timestamp;
            }

            Keep(bar.Symbol, new Bar(bar.Timestamp, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Stores a minute bar of a wanted symbol (the same minute again replaces it) and forgets bars too old to matter.</summary>
    private void Keep(string symbol, Bar bar)
    {
        if (!_bars.TryGetValue(symbol, out var minutes))
        {
            return;
        }

        minutes[bar.Time] = bar;
        while (minutes.Count > 0 && minutes.Keys[0] < bar.Time - Kept)
        {
            minutes.RemoveAt(0);
        }
    }

    private async Task UnsubscribeAsync(IReadOnlyList<string> symbols)
    {
        try
        {
            await stream.UnsubscribeAsync(new AlpacaMarketDataSubscription(symbols, [], []), _stop.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogUnsubscribeFailed(error, userId); // a drop: the next connection subscribes only what is wanted
        }
    }

    [LoggerMessage(EventId = 7121, Level = LogLevel.Debug, Message = "Alpaca bars of user {UserId} for {Symbols} at {Window} fetched over REST: {Count}")]
    private partial void LogFetched(Guid userId, string symbols, DateTimeOffset window, int count);

    [LoggerMessage(EventId = 7122, Level = LogLevel.Warning, Message = "Alpaca bars of user {UserId} at {Window} could not be fetched; retrying later")]
    private partial void LogFetchFailed(Exception error, Guid userId, DateTimeOffset window);

    [LoggerMessage(EventId = 7123, Level = LogLevel.Warning, Message = "The Alpaca market data stream of user {UserId} ended; live runs take bars over REST only")]
    private partial void LogStreamEnded(Exception error, Guid userId);

    [LoggerMessage(EventId = 7124, Level = LogLevel.Debug, Message = "Unsubscribing unused Alpaca bars of user {UserId} failed")]
    private partial void LogUnsubscribeFailed(Exception error, Guid userId);
}
