using System.Text.Json.Serialization;

namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>A quote of market data v2 (single-letter field names as on the wire).</summary>
public sealed record AlpacaQuote
{
    [JsonPropertyName("t")]
    public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("bp")]
    public decimal BidPrice { get; init; }

    [JsonPropertyName("bs")]
    public decimal BidSize { get; init; }

    [JsonPropertyName("bx")]
    public string? BidExchange { get; init; }

    [JsonPropertyName("ap")]
    public decimal AskPrice { get; init; }

    [JsonPropertyName("as")]
    public decimal AskSize { get; init; }

    [JsonPropertyName("ax")]
    public string? AskExchange { get; init; }

    [JsonPropertyName("c")]
    public IReadOnlyList<string>? Conditions { get; init; }

    [JsonPropertyName("z")]
    public string? Tape { get; init; }
}
