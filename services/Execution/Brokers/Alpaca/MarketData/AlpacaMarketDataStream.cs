using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

/// <summary>
/// One user's real-time market data stream (market data API v2): connect, authenticate, subscribe, and hand every bar,
/// quote and trade on; on any drop reconnect with jittered exponential backoff and subscribe again to everything asked
/// for so far. Refused keys (402, 401), a plan without the feed (409) and a symbol limit (405) end the run: retrying
/// cannot fix them. Alpaca allows one connection per key and feed, so a second one (406) waits and tries again.
/// </summary>
public sealed partial class AlpacaMarketDataStream(
    AlpacaCredentials credentials, AlpacaMarketDataSubscription subscription, Uri url, AlpacaOptions options, int bufferedMessages, ILogger logger, TimeProvider time)
{
    private const int MaxFrameBytes = 4 << 20;

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private AlpacaMarketDataSubscription _wanted = subscription;
    private ClientWebSocket? _socket;
    private int _connections;

    /// <summary>How many times the stream has been authenticated and subscribed (1 after the first connect).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Authenticated and subscribed now (false while connecting, between drops and after the end).</summary>
    public bool IsConnected
    {
        get
        {
            lock (_lock)
            {
                return _socket is not null;
            }
        }
    }

    /// <summary>Everything asked for so far: what a reconnect subscribes to.</summary>
    public AlpacaMarketDataSubscription Wanted
    {
        get
        {
            lock (_lock)
            {
                return _wanted;
            }
        }
    }

    /// <summary>Adds symbols: sent at once when connected, and part of every later (re)subscription.</summary>
    public async Task SubscribeAsync(AlpacaMarketDataSubscription more, CancellationToken cancellationToken)
    {
        ClientWebSocket? socket;
        lock (_lock)
        {
            _wanted = _wanted.Merge(more);
            socket = _socket;
        }

        if (socket is { State: WebSocketState.Open } && !more.IsEmpty)
        {
            await SendAsync(socket, AlpacaMarketDataProtocol.Subscribe(more), cancellationToken);
        }
    }

    /// <summary>Removes symbols: sent at once when connected, and left out of every later (re)subscription.</summary>
    public async Task UnsubscribeAsync(AlpacaMarketDataSubscription fewer, CancellationToken cancellationToken)
    {
        ClientWebSocket? socket;
        lock (_lock)
        {
            _wanted = _wanted.Without(fewer);
            socket = _socket;
        }

        if (socket is { State: WebSocketState.Open } && !fewer.IsEmpty)
        {
            await SendAsync(socket, AlpacaMarketDataProtocol.Unsubscribe(fewer), cancellationToken);
        }
    }

    /// <summary>Bars, quotes and trades as they arrive, across reconnects, until cancelled or a fatal refusal (thrown).</summary>
    public async IAsyncEnumerable<AlpacaMarketDataMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<AlpacaMarketDataMessage>(new BoundedChannelOptions(Math.Max(1, bufferedMessages))
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(async () =>
        {
            try
            {
                await RunAsync((message, ct) => channel.Writer.WriteAsync(message, ct), stop.Token);
                channel.Writer.TryComplete();
            }
            catch (Exception error)
            {
                channel.Writer.TryComplete(error is OperationCanceledException ? null : error);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return message;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Runs the connection loop, handing each data message (bar, quote, trade) to <paramref name="onData"/>.</summary>
    public async Task RunAsync(Func<AlpacaMarketDataMessage, CancellationToken, ValueTask> onData, CancellationToken cancellationToken)
    {
        var delay = options.StreamReconnectDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                await HandshakeAsync(socket, cancellationToken);
                Interlocked.Increment(ref _connections);
                LogConnected(url.AbsolutePath, Connections);
                delay = options.StreamReconnectDelay;
                await ReceiveAsync(socket, onData, cancellationToken);
                LogClosed(socket.CloseStatus, socket.CloseStatusDescription);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (AlpacaApiException error) when (!error.IsTransient)
            {
                LogRefused(error.AlpacaCode, error.Message);
                throw;
            }
            catch (Exception error)
            {
                LogDropped(error.GetType().Name, error.Message);
            }
            finally
            {
                lock (_lock)
                {
                    _socket = null;
                }
            }

            var wait = TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + Random.Shared.NextDouble() / 2)));
            LogReconnecting(wait);
            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.StreamMaxReconnectDelay.Ticks));
        }
    }

    private async Task HandshakeAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(options.StreamHandshakeTimeout);
        await socket.ConnectAsync(url, handshake.Token);
        await ExpectAsync(socket, AlpacaMarketDataMessage.Success, "connected", handshake.Token);
        await SendAsync(socket, AlpacaMarketDataProtocol.Auth(credentials), handshake.Token);
        await ExpectAsync(socket, AlpacaMarketDataMessage.Success, "authenticated", handshake.Token);
        AlpacaMarketDataSubscription sent;
        lock (_lock)
        {
            sent = _wanted;
        }

        if (!sent.IsEmpty)
        {
            await SendAsync(socket, AlpacaMarketDataProtocol.Subscribe(sent), handshake.Token);
            await ExpectAsync(socket, AlpacaMarketDataMessage.Subscribed, null, handshake.Token);
        }

        AlpacaMarketDataSubscription? missed = null;
        lock (_lock)
        {
            _socket = socket;
            if (!ReferenceEquals(sent, _wanted))
            {
                missed = _wanted; // (Un)SubscribeAsync ran during the handshake: subscribing twice to a symbol is harmless
            }
        }

        if (missed is not null)
        {
            if (!missed.IsEmpty)
            {
                await SendAsync(socket, AlpacaMarketDataProtocol.Subscribe(missed), handshake.Token);
            }

            if (sent.Without(missed) is { IsEmpty: false } dropped)
            {
                await SendAsync(socket, AlpacaMarketDataProtocol.Unsubscribe(dropped), handshake.Token);
            }
        }
    }

    /// <summary>Reads until a message of <paramref name="type"/> (and <paramref name="text"/>) arrives; an error message fails the handshake.</summary>
    private static async Task ExpectAsync(ClientWebSocket socket, string type, string? text, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await ReadFrameAsync(socket, cancellationToken)
                        ?? throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"Closed while waiting for '{text ?? type}'.");
            foreach (var message in AlpacaMarketDataProtocol.Parse(frame))
            {
                if (message.Type == AlpacaMarketDataMessage.Error)
                {
                    throw Refusal(message);
                }

                if (message.Type == type && (text is null || message.Text == text))
                {
                    return;
                }
            }
        }
    }

    private static AlpacaApiException Refusal(AlpacaMarketDataMessage error)
    {
        var kind = error.Code switch
        {
            AlpacaMarketDataProtocol.AuthFailed or AlpacaMarketDataProtocol.NotAuthenticated => AlpacaErrorKind.Unauthorized,
            AlpacaMarketDataProtocol.InsufficientSubscription => AlpacaErrorKind.Forbidden,
            AlpacaMarketDataProtocol.SymbolLimitExceeded => AlpacaErrorKind.Unprocessable,
            AlpacaMarketDataProtocol.ConnectionLimitExceeded or AlpacaMarketDataProtocol.AuthTimeout or AlpacaMarketDataProtocol.SlowClient => AlpacaErrorKind.Unavailable,
            _ => AlpacaErrorKind.Unexpected,
        };
        // An unknown error code is retried like a drop: only the documented refusals are final.
        if (kind == AlpacaErrorKind.Unexpected)
        {
            kind = AlpacaErrorKind.Unavailable;
        }

        return new AlpacaApiException(kind, $"Alpaca's market data stream answered {error.Code}: {error.Text}.", alpacaCode: error.Code);
    }

    private async Task ReceiveAsync(ClientWebSocket socket, Func<AlpacaMarketDataMessage, CancellationToken, ValueTask> onData, CancellationToken cancellationToken)
    {
        while (await ReadFrameAsync(socket, cancellationToken) is { } frame)
        {
            IReadOnlyList<AlpacaMarketDataMessage> messages;
            try
            {
                messages = AlpacaMarketDataProtocol.Parse(frame);
            }
            catch (System.Text.Json.JsonException error)
            {
                LogUnreadable(error.Message);
                continue;
            }

            foreach (var message in messages)
            {
                if (message.Bar is not null || message.Quote is not null || message.Trade is not null)
                {
                    await onData(message, cancellationToken);
                }
                else if (message.Type == AlpacaMarketDataMessage.Error)
                {
                    throw Refusal(message);
                }
            }
        }
    }

    private async Task SendAsync(ClientWebSocket socket, byte[] message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next whole message, text or binary; null when the server closed.</summary>
    private static async Task<byte[]?> ReadFrameAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxFrameBytes)
                {
                    throw new WebSocketException(WebSocketError.Faulted, "Stream message too large.");
                }

                if (result.EndOfMessage)
                {
                    return message.ToArray();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca market data stream {Path} subscribed (connection {Connection})")]
    private partial void LogConnected(string path, int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca market data stream closed by the server ({Status}: {Description})")]
    private partial void LogClosed(WebSocketCloseStatus? status, string? description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca market data stream dropped: {Error}: {Message}")]
    private partial void LogDropped(string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to Alpaca's market data stream in {Delay}")]
    private partial void LogReconnecting(TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alpaca's market data stream refused the connection ({Code}: {Message}); the stream stops")]
    private partial void LogRefused(long? code, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an unreadable market data message: {Error}")]
    private partial void LogUnreadable(string error);
}
