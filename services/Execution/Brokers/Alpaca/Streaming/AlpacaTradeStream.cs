using System.Buffers;
using System.Net.WebSockets;

namespace TradeNova.Execution.Brokers.Alpaca.Streaming;

/// <summary>
/// One connection's <c>trade_updates</c> stream: connect, authenticate, listen, hand every event to the handler, and on
/// any drop reconnect with jittered exponential backoff. After each successful (re)connect the handler reconciles
/// first, so a fill that happened while disconnected is found over REST. Refused keys end the run.
/// </summary>
public sealed partial class AlpacaTradeStream(AlpacaCredentials credentials, AlpacaOptions options, ILogger logger, TimeProvider time)
{
    private const int MaxFrameBytes = 1 << 20;

    private int _connections;

    /// <summary>How many times the stream has been authorized and listening (1 after the first connect).</summary>
    public int Connections => Volatile.Read(ref _connections);

    public async Task RunAsync(IAlpacaTradeUpdateHandler handler, CancellationToken cancellationToken)
    {
        var delay = options.StreamReconnectDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                await HandshakeAsync(socket, cancellationToken);
                Interlocked.Increment(ref _connections);
                LogConnected(credentials.Environment, Connections);
                delay = options.StreamReconnectDelay;
                await handler.OnConnectedAsync(cancellationToken);
                await ReceiveAsync(socket, handler, cancellationToken);
                LogClosed(socket.CloseStatus, socket.CloseStatusDescription);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (AlpacaApiException error) when (error.Kind == AlpacaErrorKind.Unauthorized)
            {
                LogUnauthorized(credentials.Environment);
                throw;
            }
            catch (Exception error)
            {
                LogDropped(error.GetType().Name, error.Message);
            }

            var wait = Jittered(delay);
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
        await socket.ConnectAsync(options.StreamUrl(credentials.Paper), handshake.Token);
        await socket.SendAsync(AlpacaStreamProtocol.Auth(credentials), WebSocketMessageType.Text, true, handshake.Token);
        var authorization = await ExpectAsync(socket, AlpacaStreamMessage.Authorization, handshake.Token);
        if (authorization.AuthorizationStatus != "authorized")
        {
            throw new AlpacaApiException(AlpacaErrorKind.Unauthorized, $"Alpaca's trading stream refused the keys ({authorization.AuthorizationStatus}).");
        }

        await socket.SendAsync(AlpacaStreamProtocol.Listen(AlpacaStreamMessage.TradeUpdates), WebSocketMessageType.Text, true, handshake.Token);
        var listening = await ExpectAsync(socket, AlpacaStreamMessage.Listening, handshake.Token);
        if (listening.ListeningStreams?.Contains(AlpacaStreamMessage.TradeUpdates) != true)
        {
            throw new InvalidOperationException("Alpaca did not confirm listening to trade_updates.");
        }
    }

    private static async Task<AlpacaStreamMessage> ExpectAsync(ClientWebSocket socket, string stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await ReadFrameAsync(socket, cancellationToken)
                        ?? throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"Closed while waiting for '{stream}'.");
            var message = AlpacaStreamProtocol.Parse(frame);
            if (message.Stream == stream)
            {
                return message;
            }
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, IAlpacaTradeUpdateHandler handler, CancellationToken cancellationToken)
    {
        while (await ReadFrameAsync(socket, cancellationToken) is { } frame)
        {
            AlpacaStreamMessage message;
            try
            {
                message = AlpacaStreamProtocol.Parse(frame);
            }
            catch (System.Text.Json.JsonException error)
            {
                // One unreadable frame is skipped, not fatal: reconciliation after the next reconnect covers what it held.
                LogUnreadable(error.Message);
                continue;
            }

            if (message.TradeUpdate is { } update)
            {
                await handler.OnTradeUpdateAsync(update, cancellationToken);
            }
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

    /// <summary>Between half and all of <paramref name="delay"/>: many users' streams must not reconnect in lockstep.</summary>
    private static TimeSpan Jittered(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + Random.Shared.NextDouble() / 2)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Alpaca {Environment} trading stream listening (connection {Connection})")]
    private partial void LogConnected(string environment, int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca trading stream closed by the server ({Status}: {Description})")]
    private partial void LogClosed(WebSocketCloseStatus? status, string? description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca trading stream dropped: {Error}: {Message}")]
    private partial void LogDropped(string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to Alpaca's trading stream in {Delay}")]
    private partial void LogReconnecting(TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alpaca's {Environment} trading stream refused the connection's keys; the stream stops")]
    private partial void LogUnauthorized(string environment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an unreadable trading stream message: {Error}")]
    private partial void LogUnreadable(string error);
}
