using System.Text.Json.Serialization;

namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

/// <summary>A bar of the real-time stream (<c>T</c> = <c>b</c> minute, <c>d</c> daily, <c>u</c> updated), wire names as documented.</summary>
public sealed record AlpacaStreamBar
{
    [JsonPropertyName("S")]
    public required string Symbol { get; init; }

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
