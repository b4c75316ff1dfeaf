namespace TradeNova.Execution.Apis;

/// <summary><see cref="Source"/> is <c>simulated</c> for the seeded price simulation: never real market data.</summary>
public sealed record QuotesResponse(string Source, DateTimeOffset AsOf, IReadOnlyList<QuoteResponse> Quotes);
