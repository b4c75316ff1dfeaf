using System.Globalization;
using CsvHelper;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Portfolio.Apis;

/// <summary>Trade history: every applied fill of the caller's portfolio of the account, filtered, sorted and paged, or as CSV.</summary>
public static class TradesApi
{
    private const int CsvRowLimit = 100_000;

    public static RouteGroupBuilder MapTradesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/trades", GetTradesAsync);
        api.MapGet("/trades.csv", GetTradesCsvAsync);
        return api;
    }

    public static async Task<Results<Ok<PagedResponse<TradeResponse>>, ValidationProblem, ProblemHttpResult>> GetTradesAsync(
        [AsParameters] TradeQuery query, ClaimsPrincipal principal, PortfolioContext db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var portfolio = await AccountSelection.FindAsync(db, principal.GetUserId(), query.Mode, cancellationToken);
        if (portfolio is null && query.Mode == PortfolioAccounts.Live)
        {
            return AccountSelection.NotFound(query.Mode);
        }

        // No paper portfolio yet: an empty history, as before accounts existed.
        var filtered = query.Apply(db.Fills.AsNoTracking(), portfolio?.Id ?? Guid.Empty);
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 50;
        var total = await filtered.CountAsync(cancellationToken);
        var items = await filtered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResponse<TradeResponse>(items.Select(TradeResponse.From).ToList(), page, pageSize, total));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetTradesCsvAsync(
        [AsParameters] TradeQuery query, ClaimsPrincipal principal, PortfolioContext db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var portfolio = await AccountSelection.FindAsync(db, principal.GetUserId(), query.Mode, cancellationToken);
        if (portfolio is null && query.Mode == PortfolioAccounts.Live)
        {
            return AccountSelection.NotFound(query.Mode);
        }

        var fills = await query.Apply(db.Fills.AsNoTracking(), portfolio?.Id ?? Guid.Empty).Take(CsvRowLimit).ToListAsync(cancellationToken);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            await csv.WriteRecordsAsync(fills.Select(TradeResponse.From), cancellationToken);
        }

        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv", "trades.csv");
    }
}
