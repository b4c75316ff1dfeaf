using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradeNova.Execution.Brokers.Alpaca.Streaming;

/// <summary>The trading stream's JSON messages, both ways. Pure: the stream client and the tests share it.</summary>
public static class AlpacaStreamProtocol
{
    public static byte[] Auth(AlpacaCredentials credentials) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["action"] = "auth", ["key"] = credentials.KeyId, ["secret"] = credentials.SecretKey });

    public static byte[] Listen(params string[] streams) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["action"] = "listen",
            ["data"] = new JsonObject { ["streams"] = new JsonArray([.. streams.Select(s => (JsonNode)s)]) },
        });

    /// <summary>Reads one frame (Alpaca sends text frames on live and binary ones on paper; both carry JSON).</summary>
    public static AlpacaStreamMessage Parse(ReadOnlySpan<byte> frame)
    {
        using var document = JsonDocument.Parse(frame.ToArray());
        var root = document.RootElement;
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        root.TryGetProperty("data", out var data);
        return stream switch
        {
            AlpacaStreamMessage.Authorization => new AlpacaStreamMessage(stream,
                AuthorizationStatus: data.ValueKind == JsonValueKind.Object && data.TryGetProperty("status", out var status) ? status.GetString() : null),
            AlpacaStreamMessage.Listening => new AlpacaStreamMessage(stream,
                ListeningStreams: data.ValueKind == JsonValueKind.Object && data.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array
                    ? [.. streams.EnumerateArray().Select(e => e.GetString() ?? "")]
                    : []),
            AlpacaStreamMessage.TradeUpdates => new AlpacaStreamMessage(stream,
                TradeUpdate: data.Deserialize<AlpacaTradeUpdate>(AlpacaJson.Options)),
            _ => new AlpacaStreamMessage(stream),
        };
    }
}
