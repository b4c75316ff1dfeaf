using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

/// <summary>
/// Market data v2 stream messages, both ways (JSON; Alpaca sends every message as an array of objects keyed by <c>T</c>).
/// Pure: the stream and the tests share it. Unknown message types and fields are skipped, absent optional fields stay null.
/// </summary>
public static class AlpacaMarketDataProtocol
{
    /// <summary>Documented error codes the stream must react to.</summary>
    public const int NotAuthenticated = 401;
    public const int AuthFailed = 402;
    public const int AlreadyAuthenticated = 403;
    public const int AuthTimeout = 404;
    public const int SymbolLimitExceeded = 405;
    public const int ConnectionLimitExceeded = 406;
    public const int SlowClient = 407;
    public const int InsufficientSubscription = 409;

    /// <summary>Alpaca's wire options, but case-sensitive: the stream uses <c>T</c> and <c>t</c>, <c>S</c> and <c>s</c> for different fields.</summary>
    private static readonly JsonSerializerOptions Json = new(AlpacaJson.Options) { PropertyNameCaseInsensitive = false };

    public static byte[] Auth(AlpacaCredentials credentials) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["action"] = "auth", ["key"] = credentials.KeyId, ["secret"] = credentials.SecretKey });

    public static byte[] Subscribe(AlpacaMarketDataSubscription subscription) => Action("subscribe", subscription);

    public static byte[] Unsubscribe(AlpacaMarketDataSubscription subscription) => Action("unsubscribe", subscription);

    private static byte[] Action(string action, AlpacaMarketDataSubscription subscription) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["action"] = action,
            ["trades"] = Array(subscription.Trades),
            ["quotes"] = Array(subscription.Quotes),
            ["bars"] = Array(subscription.Bars),
        });

    public static IReadOnlyList<AlpacaMarketDataMessage> Parse(ReadOnlySpan<byte> frame)
    {
        using var document = JsonDocument.Parse(frame.ToArray());
        var root = document.RootElement;
        var elements = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        var messages = new List<AlpacaMarketDataMessage>(elements.Count);
        foreach (var element in elements)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("T", out var t) || t.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var type = t.GetString()!;
            messages.Add(type switch
            {
                AlpacaMarketDataMessage.MinuteBar or AlpacaMarketDataMessage.DailyBar or AlpacaMarketDataMessage.UpdatedBar =>
                    new AlpacaMarketDataMessage(type, Bar: element.Deserialize<AlpacaStreamBar>(Json)),
                AlpacaMarketDataMessage.QuoteType => new AlpacaMarketDataMessage(type, Quote: element.Deserialize<AlpacaStreamQuote>(Json)),
                AlpacaMarketDataMessage.TradeType => new AlpacaMarketDataMessage(type, Trade: element.Deserialize<AlpacaStreamTrade>(Json)),
                AlpacaMarketDataMessage.Success => new AlpacaMarketDataMessage(type, Text: String(element, "msg")),
                AlpacaMarketDataMessage.Error => new AlpacaMarketDataMessage(type, Text: String(element, "msg"),
                    Code: element.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) ? c : null),
                AlpacaMarketDataMessage.Subscribed => new AlpacaMarketDataMessage(type, Subscription: new AlpacaMarketDataSubscription(
                    Strings(element, "bars"), Strings(element, "quotes"), Strings(element, "trades"))),
                _ => new AlpacaMarketDataMessage(type),
            });
        }

        return messages;
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
