using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>
/// The real-time market data stream (<c>/v2/iex</c>, <c>/v2/sip</c>, <c>/v2/test</c>) as documented: <c>connected</c> on
/// accept, then an <c>auth</c> action answered <c>authenticated</c> or error 402, then <c>subscribe</c> and <c>unsubscribe</c> actions answered
/// with the whole <c>subscription</c>; every message an array of objects keyed by <c>T</c>, sent as text. It records every
/// frame the client sends and each breach of the protocol in <see cref="Violations"/>.
/// </summary>
public sealed partial class FakeAlpacaServer
{
    private static readonly string[] DataFeeds = ["/v2/iex", "/v2/sip", "/v2/test"];
    private readonly Lock _dataLock = new();
    private readonly Dictionary<string, (HttpContext Context, Channel<string> Outgoing)> _dataStreams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _dataConnectionsByKey = new(StringComparer.Ordinal);
    private int _refuseDataConnections;

    /// <summary>Every subscribe action received: the key, which of its connections (1 = first) and the frame.</summary>
    public ConcurrentQueue<(string KeyId, int Connection, JsonObject Frame)> DataSubscribes { get; } = new();

    /// <summary>Every unsubscribe action received, as <see cref="DataSubscribes"/>.</summary>
    public ConcurrentQueue<(string KeyId, int Connection, JsonObject Frame)> DataUnsubscribes { get; } = new();

    /// <summary>Sends minute bars (<c>T: "b"</c>, as documented) of one symbol to the key's data stream, one frame.</summary>
    public Task SendMinuteBarsAsync(string keyId, string symbol, params FakeBar[] bars)
    {
        var frame = new JsonArray([.. bars.Select(b =>
        {
            var bar = b.ToJson();
            bar["T"] = "b";
            bar["S"] = symbol;
            return (JsonNode)bar;
        })]);
        return SendMarketDataAsync(keyId, frame.ToJsonString());
    }

    public Uri DataStreamAddress(string feed = "iex") => new($"ws://{BaseAddress.Authority}/v2/{feed}");

    /// <summary>The next <paramref name="count"/> connections are refused with 406 connection limit exceeded, as when another one is open.</summary>
    public void RefuseDataConnections(int count) => Interlocked.Exchange(ref _refuseDataConnections, count);

    /// <summary>How many times the data stream of <paramref name="keyId"/> has been authenticated.</summary>
    public int DataConnectionsOf(string keyId) => _dataConnectionsByKey.GetValueOrDefault(keyId);

    public bool DataStreamIsConnectedFor(string keyId)
    {
        lock (_dataLock)
        {
            return _dataStreams.ContainsKey(keyId);
        }
    }

    /// <summary>Sends one frame (a JSON array of messages) to the key's data stream.</summary>
    public async Task SendMarketDataAsync(string keyId, string frame)
    {
        Channel<string> channel;
        lock (_dataLock)
        {
            channel = _dataStreams.TryGetValue(keyId, out var stream) ? stream.Outgoing : throw new InvalidOperationException($"No data stream of {keyId} is connected.");
        }

        await channel.Writer.WriteAsync(frame);
    }

    /// <summary>Cuts the key's data stream without a close handshake.</summary>
    public void DropDataStream(string keyId)
    {
        lock (_dataLock)
        {
            if (_dataStreams.Remove(keyId, out var stream))
            {
                try
                {
                    stream.Context.Abort();
                }
                catch (ObjectDisposedException)
                {
                    // Ended on its own meanwhile.
                }
            }
        }
    }

    private static bool IsDataStream(PathString path) => DataFeeds.Contains(path.Value, StringComparer.Ordinal);

    private async Task DataStreamAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var aborted = context.RequestAborted;
        if (Interlocked.Decrement(ref _refuseDataConnections) >= 0)
        {
            await SendTextAsync(socket, """[{"T":"error","code":406,"msg":"connection limit exceeded"}]""", aborted);
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "connection limit exceeded", aborted);
            return;
        }

        Interlocked.Exchange(ref _refuseDataConnections, 0);
        await SendTextAsync(socket, """[{"T":"success","msg":"connected"}]""", aborted);
        var auth = await ReadJsonAsync(socket, aborted);
        var key = Text(auth, "key");
        if (Text(auth, "action") != "auth" || key is null || Text(auth, "secret") is null)
        {
            Violations.Enqueue("data stream: the first message is not {\"action\":\"auth\",\"key\":...,\"secret\":...}");
        }

        if (key is null || !Keys.TryGetValue(key, out var secret) || secret != Text(auth, "secret"))
        {
            await SendTextAsync(socket, """[{"T":"error","code":402,"msg":"auth failed"}]""", aborted);
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "auth failed", aborted);
            return;
        }

        await SendTextAsync(socket, """[{"T":"success","msg":"authenticated"}]""", aborted);
        var connection = _dataConnectionsByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
        var outgoing = Channel.CreateUnbounded<string>();
        lock (_dataLock)
        {
            _dataStreams[key] = (context, outgoing);
        }

        // One sender (the channel) and one receiver at a time, as a WebSocket allows.
        var sending = Task.Run(async () =>
        {
            await foreach (var frame in outgoing.Reader.ReadAllAsync(aborted))
            {
                await SendTextAsync(socket, frame, aborted);
            }
        }, aborted);
        var subscribed = (Bars: new List<string>(), Quotes: new List<string>(), Trades: new List<string>());
        try
        {
            while (await ReadJsonAsync(socket, aborted) is { } message)
            {
                var action = Text(message, "action");
                if (action is not ("subscribe" or "unsubscribe"))
                {
                    Violations.Enqueue($"data stream: unexpected message {message.ToJsonString()}");
                    await outgoing.Writer.WriteAsync("""[{"T":"error","code":400,"msg":"invalid syntax"}]""", aborted);
                    continue;
                }

                (action == "subscribe" ? DataSubscribes : DataUnsubscribes).Enqueue((key, connection, message));
                foreach (var (channel, list) in new[] { ("bars", subscribed.Bars), ("quotes", subscribed.Quotes), ("trades", subscribed.Trades) })
                {
                    if (message[channel] is null)
                    {
                        continue;
                    }

                    if (message[channel] is not JsonArray symbols || symbols.Any(s => s is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
                    {
                        Violations.Enqueue($"data stream: {channel} is not an array of symbols");
                        continue;
                    }

                    var named = symbols.Select(s => s!.GetValue<string>()).ToList();
                    if (action == "subscribe")
                    {
                        list.AddRange(named.Where(s => !list.Contains(s)));
                    }
                    else
                    {
                        list.RemoveAll(named.Contains);
                    }
                }

                await outgoing.Writer.WriteAsync(new JsonArray(new JsonObject
                {
                    ["T"] = "subscription",
                    ["trades"] = new JsonArray([.. subscribed.Trades.Select(s => (JsonNode)s)]),
                    ["quotes"] = new JsonArray([.. subscribed.Quotes.Select(s => (JsonNode)s)]),
                    ["bars"] = new JsonArray([.. subscribed.Bars.Select(s => (JsonNode)s)]),
                    ["updatedBars"] = new JsonArray(),
                    ["dailyBars"] = new JsonArray(),
                    ["statuses"] = new JsonArray(),
                    ["lulds"] = new JsonArray(),
                    ["corrections"] = new JsonArray(),
                    ["cancelErrors"] = new JsonArray(),
                }).ToJsonString(), aborted);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or IOException)
        {
            // Dropped by the test or closed by the client.
        }
        finally
        {
            outgoing.Writer.TryComplete();
            await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            lock (_dataLock)
            {
                if (_dataStreams.TryGetValue(key, out var current) && ReferenceEquals(current.Context, context))
                {
                    _dataStreams.Remove(key);
                }
            }
        }
    }

    private static string? Text(JsonObject? message, string name) =>
        message?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static Task SendTextAsync(WebSocket socket, string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);
}
