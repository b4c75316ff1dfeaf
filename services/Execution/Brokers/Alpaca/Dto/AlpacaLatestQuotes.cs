namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary><c>GET /v2/stocks/quotes/latest</c>.</summary>
public sealed record AlpacaLatestQuotes
{
    public IReadOnlyDictionary<string, AlpacaQuote>? Quotes { get; init; }
}
