using TradeNova.Execution.Market;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Apis;

/// <summary><c>/api/v1/market</c>: quotes and the symbol universe of the simulated market.</summary>
public static class MarketApi
{
    public const int MaxSymbolsPerRequest = 50;

    public static RouteGroupBuilder MapMarketApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/market").WithTags("Market").RequireAuthorization();
        api.MapGet("/quotes", GetQuotes);
        api.MapGet("/symbols", GetSymbols);
        return api;
    }

    public static Results<Ok<QuotesResponse>, ValidationProblem> GetQuotes(string? symbols, PriceSimulator prices, TimeProvider time)
    {
        var requested = (symbols ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(SymbolUniverse.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var errors = new ValidationErrors();
        errors.Check(requested.Count > 0, "symbols", "Give one or more comma-separated symbols, e.g. symbols=AAPL,MSFT.");
        errors.Check(requested.Count <= MaxSymbolsPerRequest, "symbols", $"At most {MaxSymbolsPerRequest} symbols per request.");
        var unknown = requested.Where(s => !SymbolUniverse.Contains(s)).ToList();
        errors.Check(unknown.Count == 0, "symbols", $"Unknown symbols: {string.Join(", ", unknown)}.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow();
        var quotes = requested.Select(symbol =>
        {
            SymbolUniverse.TryGetIndex(symbol, out var index);
            var quote = prices.QuoteAt(index, now);
            var change = quote.Last - quote.PreviousClose;
            return new QuoteResponse(quote.Symbol, quote.Last, quote.Bid, quote.Ask, quote.Size, quote.PreviousClose, change,
                quote.PreviousClose == 0m ? 0m : Math.Round(change / quote.PreviousClose * 100m, 2), now);
        }).ToList();
        return TypedResults.Ok(new QuotesResponse(PriceSimulator.Source, now, quotes));
    }

    public static Ok<SymbolsResponse> GetSymbols() => TypedResults.Ok(new SymbolsResponse(
        PriceSimulator.Source,
        SymbolUniverse.ReferenceDate,
        [.. SymbolUniverse.All.Select(s => new SymbolResponse(s.Symbol, s.Name, s.ReferencePrice))]));
}
