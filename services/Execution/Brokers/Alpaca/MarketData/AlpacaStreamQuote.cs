using System.Text.Json.Serialization;

namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

/// <summary>A quote of the real-time stream (<c>T</c> = <c>q</c>), wire names as documented.</summary>
public sealed record AlpacaStreamQuote
{
    [JsonPropertyName("S")]
    public required string Symbol { get; init; }

    [JsonPropertyName("t")]
    public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("bx")]
    public string? BidExchange { get; init; }

    [JsonPropertyName("bp")]
    public decimal BidPrice { get; init; }

    [JsonPropertyName("bs")]
    public decimal BidSize { get; init; }

    [JsonPropertyName("ax")]
    public string? AskExchange { get; init; }

    [JsonPropertyName("ap")]
    public decimal AskPrice { get; init; }

    [JsonPropertyName("as")]
    public decimal AskSize { get; init; }

    [JsonPropertyName("c")]
    public IReadOnlyList<string>? Conditions { get; init; }

    [JsonPropertyName("z")]
    public string? Tape { get; init; }
}
