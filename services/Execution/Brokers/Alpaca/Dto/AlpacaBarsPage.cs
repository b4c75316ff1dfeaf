namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>One page of <c>GET /v2/stocks/bars</c>; <see cref="NextPageToken"/> is null on the last.</summary>
public sealed record AlpacaBarsPage
{
    public IReadOnlyDictionary<string, IReadOnlyList<AlpacaBar>>? Bars { get; init; }

    public string? NextPageToken { get; init; }
}
