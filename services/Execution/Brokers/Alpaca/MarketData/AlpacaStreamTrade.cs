using System.Text.Json.Serialization;

namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

/// <summary>A trade of the real-time stream (<c>T</c> = <c>t</c>), wire names as documented.</summary>
public sealed record AlpacaStreamTrade
{
    [JsonPropertyName("S")]
    public required string Symbol { get; init; }

    [JsonPropertyName("t")]
    public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("i")]
    public long? Id { get; init; }

    [JsonPropertyName("x")]
    public string? Exchange { get; init; }

    [JsonPropertyName("p")]
    public decimal Price { get; init; }

    [JsonPropertyName("s")]
    public decimal Size { get; init; }

    [JsonPropertyName("c")]
    public IReadOnlyList<string>? Conditions { get; init; }

    [JsonPropertyName("z")]
    public string? Tape { get; init; }
}
