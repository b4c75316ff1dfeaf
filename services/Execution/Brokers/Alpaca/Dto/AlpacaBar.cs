using System.Text.Json.Serialization;

namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>A bar of market data v2 (single-letter field names as on the wire).</summary>
public sealed record AlpacaBar
{
    [JsonPropertyName("t")]
    public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("o")]
    public decimal Open { get; init; }

    [JsonPropertyName("h")]
    public decimal High { get; init; }

    [JsonPropertyName("l")]
    public decimal Low { get; init; }

    [JsonPropertyName("c")]
    public decimal Close { get; init; }

    [JsonPropertyName("v")]
    public decimal Volume { get; init; }

    [JsonPropertyName("n")]
    public long? TradeCount { get; init; }

    [JsonPropertyName("vw")]
    public decimal? Vwap { get; init; }
}
