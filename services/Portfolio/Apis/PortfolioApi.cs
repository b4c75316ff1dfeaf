using TradeNova.Portfolio.Valuation;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Portfolio.Apis;

public static class PortfolioApi
{
    public static RouteGroupBuilder MapPortfolioApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/portfolio").WithTags("Portfolio").RequireAuthorization();
        api.MapGet("/", GetMyPortfolioAsync);
        api.MapGet("/positions", GetPositionsAsync);
        api.MapGet("/{portfolioId:guid}", GetPortfolioAsync);
        api.MapTradesApi();
        api.MapPerformanceApi();
        return api;
    }

    /// <summary>The caller's portfolio marked at the latest prices; 404 until the UserRegistered event has been applied.</summary>
    public static async Task<Results<Ok<PortfolioResponse>, ProblemHttpResult>> GetMyPortfolioAsync(
        ClaimsPrincipal principal, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var portfolio = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return portfolio is null
            ? ProblemResults.NotFound("Portfolio not opened yet.")
            : TypedResults.Ok(await LiveAsync(portfolio, db, prices, cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<PositionResponse>>, ProblemHttpResult>> GetPositionsAsync(
        ClaimsPrincipal principal, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var portfolio = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return portfolio is null
            ? ProblemResults.NotFound("Portfolio not opened yet.")
            : TypedResults.Ok((await LiveAsync(portfolio, db, prices, cancellationToken)).Positions);
    }

    /// <summary>Another user's portfolio is indistinguishable from a missing one.</summary>
    public static async Task<Results<Ok<PortfolioResponse>, ProblemHttpResult>> GetPortfolioAsync(
        Guid portfolioId, ClaimsPrincipal principal, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var portfolio = await db.Portfolios.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == portfolioId && p.UserId == userId, cancellationToken);
        return portfolio is null
            ? ProblemResults.NotFound("Portfolio not found.")
            : TypedResults.Ok(await LiveAsync(portfolio, db, prices, cancellationToken));
    }

    public static async Task<PortfolioResponse> LiveAsync(UserPortfolio portfolio, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        var mark = await LiveMarkAsync(portfolio, db, prices, cancellationToken);
        return PortfolioResponse.From(portfolio, mark, DateTimeOffset.UtcNow);
    }

    /// <summary>The persisted portfolio marked at this instance's latest prices (a read; nothing is written).</summary>
    public static async Task<PortfolioMark> LiveMarkAsync(UserPortfolio portfolio, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        var positions = await db.Positions.AsNoTracking().Where(p => p.PortfolioId == portfolio.Id).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (portfolio.SessionDate != today)
        {
            // The rollover has not been persisted yet: the session started at the last known equity.
            portfolio.StartOfDayEquity = portfolio.Equity;
        }

        return PortfolioMarker.Mark(portfolio, positions, prices.PriceOr);
    }
}
