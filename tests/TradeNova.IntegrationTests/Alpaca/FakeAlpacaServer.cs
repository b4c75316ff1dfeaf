using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>
/// Alpaca's Trading API v2, market data v2 and trading stream as documented, on Kestrel at 127.0.0.1. It checks what
/// the docs require (both key headers on every call, the order body's fields and string-encoded numbers, the stream's
/// auth and listen messages) and records every breach in <see cref="Violations"/>; it answers with documented JSON
/// (plus a field Alpaca never sent, and without the retired pattern-day-trader fields), and can be scripted to fail.
/// </summary>
public sealed partial class FakeAlpacaServer : IAsyncDisposable
{
    public const string AccountNumber = "PA3NOVA1TEST";
    private const string KeyItem = "alpaca-key-id";
    private readonly ConcurrentDictionary<string, int> _streamConnectionsByKey = new(StringComparer.Ordinal);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _scripted = new();
    private readonly Lock _streamLock = new();
    // One trading stream per key id (Alpaca's stream belongs to an account); the latest one for orders of unknown owner.
    private readonly Dictionary<string, (HttpContext Context, Channel<byte[]> Outgoing)> _streams = new(StringComparer.Ordinal);
    private string? _latestStreamKey;
    private int _orderSequence;

    private FakeAlpacaServer(WebApplication app) => _app = app;

    /// <summary>Key id → secret of the accounts this server knows.</summary>
    public ConcurrentDictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<RecordedAlpacaRequest> Requests { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Orders by client_order_id, as Alpaca would return them.</summary>
    public ConcurrentDictionary<string, JsonObject> Orders { get; } = new(StringComparer.Ordinal);

    /// <summary>Client order id → the key id that placed it (its trade updates go to that key's stream).</summary>
    public ConcurrentDictionary<string, string> OrderOwners { get; } = new(StringComparer.Ordinal);

    /// <summary>How long the answer to an order POST is held back (the order is booked first, as a slow Alpaca would).</summary>
    public TimeSpan OrderPostDelay { get; set; }

    /// <summary>When false, a held-back order POST books nothing: the submission is lost on its way.</summary>
    public bool BookDelayedOrders { get; set; } = true;

    public int StreamConnections { get; private set; }

    public Uri BaseAddress => new(_app.Urls.First());

    public Uri StreamAddress => new($"ws://{BaseAddress.Authority}/stream");

    public static async Task<FakeAlpacaServer> StartAsync(params (string KeyId, string Secret)[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeAlpacaServer(app);
        foreach (var (keyId, secret) in keys)
        {
            server.Keys[keyId] = secret;
        }

        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    public void Script(ScriptedResponse response) => _scripted.Enqueue(response);

    public IReadOnlyList<RecordedAlpacaRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    /// <summary>Books an order directly (as if placed earlier), e.g. to be reconciled.</summary>
    public JsonObject Book(string clientOrderId, string symbol, decimal qty, string side = "buy")
    {
        var order = NewOrder(new JsonObject
        {
            ["symbol"] = symbol, ["qty"] = Money(qty), ["side"] = side, ["type"] = "market", ["time_in_force"] = "day", ["client_order_id"] = clientOrderId,
        });
        Orders[clientOrderId] = order;
        return order;
    }

    /// <summary>Fills part of an order at Alpaca (cumulative quantity and average price updated) without telling the stream.</summary>
    public JsonObject Fill(string clientOrderId, decimal quantity, decimal price)
    {
        var order = Orders[clientOrderId];
        var filled = Decimal(order["filled_qty"]);
        var average = order["filled_avg_price"] is null ? 0m : Decimal(order["filled_avg_price"]);
        var total = filled + quantity;
        order["filled_qty"] = Money(total);
        order["filled_avg_price"] = Money(Math.Round((filled * average + quantity * price) / total, 8));
        order["status"] = total >= Decimal(order["qty"]) ? "filled" : "partially_filled";
        order["updated_at"] = DateTimeOffset.UtcNow.ToString("O");
        return order;
    }

    /// <summary>Sends a trade_updates event for the order's current state, as a binary frame (as Alpaca's paper stream does).</summary>
    public async Task SendTradeUpdateAsync(string @event, string clientOrderId, decimal? price = null, decimal? qty = null)
    {
        var order = Orders[clientOrderId];
        var data = new JsonObject
        {
            ["event"] = @event,
            ["execution_id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["order"] = order.DeepClone(),
            ["some_future_field"] = true,
        };
        if (price is not null)
        {
            data["price"] = Money(price.Value);
            data["qty"] = Money(qty!.Value);
            data["position_qty"] = order["filled_qty"]!.DeepClone();
        }

        Channel<byte[]> channel;
        lock (_streamLock)
        {
            var key = OrderOwners.TryGetValue(clientOrderId, out var owner) ? owner : _latestStreamKey;
            channel = key is not null && _streams.TryGetValue(key, out var stream)
                ? stream.Outgoing
                : throw new InvalidOperationException("No stream is connected for this order's account.");
        }

        await channel.Writer.WriteAsync(Encoding.UTF8.GetBytes(new JsonObject { ["stream"] = "trade_updates", ["data"] = data }.ToJsonString()));
    }

    /// <summary>Cuts the stream's TCP connection (of <paramref name="keyId"/>, or every one) without a close handshake.</summary>
    public void DropStream(string? keyId = null)
    {
        lock (_streamLock)
        {
            foreach (var key in _streams.Keys.Where(k => keyId is null || k == keyId).ToList())
            {
                try
                {
                    _streams[key].Context.Abort();
                }
                catch (ObjectDisposedException)
                {
                    // The request ended on its own meanwhile.
                }

                _streams.Remove(key);
            }
        }
    }

    public bool StreamIsConnected
    {
        get
        {
            lock (_streamLock)
            {
                return _streams.Count > 0;
            }
        }
    }

    public bool StreamIsConnectedFor(string keyId)
    {
        lock (_streamLock)
        {
            return _streams.ContainsKey(keyId);
        }
    }

    /// <summary>How many times the stream of <paramref name="keyId"/> has been authorized and listening.</summary>
    public int StreamConnectionsOf(string keyId) => _streamConnectionsByKey.GetValueOrDefault(keyId);

    public async ValueTask DisposeAsync()
    {
        DropStream();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path == "/stream")
        {
            await StreamAsync(context);
            return;
        }

        if (IsDataStream(request.Path))
        {
            await DataStreamAsync(context);
            return;
        }

        string? body = null;
        if (request.ContentLength > 0 || request.Headers.ContainsKey("Transfer-Encoding"))
        {
            body = await new StreamReader(request.Body).ReadToEndAsync();
        }

        var keyId = request.Headers["APCA-API-KEY-ID"].ToString();
        var secret = request.Headers["APCA-API-SECRET-KEY"].ToString();
        Requests.Enqueue(new RecordedAlpacaRequest(request.Method, request.Path.Value!,
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal), keyId, body));
        if (keyId.Length == 0 || secret.Length == 0)
        {
            Violations.Enqueue($"{request.Method} {request.Path}: missing APCA-API-KEY-ID or APCA-API-SECRET-KEY");
        }

        if (body is not null && request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            Violations.Enqueue($"{request.Method} {request.Path}: body without Content-Type application/json");
        }

        if (!Keys.TryGetValue(keyId, out var expected) || expected != secret)
        {
            await WriteAsync(context, 401, """{"code":40110000,"message":"request is not authorized"}""");
            return;
        }

        context.Items[KeyItem] = keyId;
        if (TakeScripted(request.Method, request.Path.Value!) is { } scripted)
        {
            if (scripted.Delay > TimeSpan.Zero)
            {
                await DelayAsync(scripted.Delay, context.RequestAborted);
            }

            await WriteAsync(context, scripted.Status, scripted.Body);
            return;
        }

        await RouteAsync(context, body);
    }

    private ScriptedResponse? TakeScripted(string method, string path)
    {
        // Scripts are few and consumed in order; a non-matching head is put back at the end.
        for (var i = _scripted.Count; i > 0 && _scripted.TryDequeue(out var next); i--)
        {
            if (next.Method == method && next.Path == path)
            {
                return next;
            }

            _scripted.Enqueue(next);
        }

        return null;
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(delay, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up; the request still counts as received.
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string json)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status204NoContent)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    private static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Decimal(JsonNode? node) => decimal.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);

    private JsonObject NewOrder(JsonObject body)
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        var number = Interlocked.Increment(ref _orderSequence);
        var order = new JsonObject
        {
            ["id"] = $"61e69015-8549-4bfd-b9c3-{number:D12}",
            ["client_order_id"] = body["client_order_id"]?.DeepClone() ?? Guid.NewGuid().ToString(),
            ["created_at"] = now,
            ["updated_at"] = now,
            ["submitted_at"] = now,
            ["filled_at"] = null,
            ["asset_id"] = "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415",
            ["symbol"] = body["symbol"]?.DeepClone(),
            ["asset_class"] = "us_equity",
            ["notional"] = body["notional"]?.DeepClone(),
            ["qty"] = body["qty"]?.DeepClone(),
            ["filled_qty"] = "0",
            ["filled_avg_price"] = null,
            ["order_class"] = body["order_class"]?.DeepClone() ?? "",
            ["order_type"] = body["type"]?.DeepClone(),
            ["type"] = body["type"]?.DeepClone(),
            ["side"] = body["side"]?.DeepClone(),
            ["position_intent"] = "buy_to_open",
            ["time_in_force"] = body["time_in_force"]?.DeepClone(),
            ["limit_price"] = body["limit_price"]?.DeepClone(),
            ["stop_price"] = body["stop_price"]?.DeepClone(),
            ["status"] = "accepted",
            ["extended_hours"] = false,
            ["legs"] = null,
            ["trail_percent"] = null,
            ["trail_price"] = null,
            ["hwm"] = null,
        };
        if (body["take_profit"] is JsonObject || body["stop_loss"] is JsonObject)
        {
            var legs = new JsonArray();
            if (body["take_profit"] is JsonObject takeProfit)
            {
                legs.Add(NewLeg(order, "limit", takeProfit["limit_price"], null));
            }

            if (body["stop_loss"] is JsonObject stopLoss)
            {
                legs.Add(NewLeg(order, "stop", null, stopLoss["stop_price"]));
            }

            order["legs"] = legs;
        }

        return order;
    }
}
