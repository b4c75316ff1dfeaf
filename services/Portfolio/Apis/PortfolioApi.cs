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
        api.MapReconciliationsApi();
        return api;
    }

    /// <summary>The caller's portfolio of the account (default paper) marked at the latest prices; 404 until it is opened
    /// (paper: by the UserRegistered event; live: by the first report of the broker account).</summary>
    public static async Task<Results<Ok<PortfolioResponse>, ValidationProblem, ProblemHttpResult>> GetMyPortfolioAsync(
        string? account, ClaimsPrincipal principal, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        if (PortfolioAccounts.Parse(account) is not { } mode)
        {
            return AccountSelection.Invalid();
        }

        await using var readSnapshot = await AccountSelection.SnapshotAsync(db, cancellationToken);
        var portfolio = await AccountSelection.FindAsync(db, principal.GetUserId(), mode, cancellationToken);
        return portfolio is null
            ? AccountSelection.NotFound(mode)
            : TypedResults.Ok(await LiveAsync(portfolio, db, prices, cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<PositionResponse>>, ValidationProblem, ProblemHttpResult>> GetPositionsAsync(
        string? account, ClaimsPrincipal principal, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        if (PortfolioAccounts.Parse(account) is not { } mode)
        {
            return AccountSelection.Invalid();
        }

        await using var readSnapshot = await AccountSelection.SnapshotAsync(db, cancellationToken);
        var portfolio = await AccountSelection.FindAsync(db, principal.GetUserId(), mode, cancellationToken);
        return portfolio is null
            ? AccountSelection.NotFound(mode)
            : TypedResults.Ok((await LiveAsync(portfolio, db, prices, cancellationToken)).Positions);
    }

    /// <summary>Another user's portfolio is indistinguishable from a missing one. The id names the account, so
    /// <c>?account=</c> must agree with it when given.</summary>
    public static async Task<Results<Ok<PortfolioResponse>, ValidationProblem, ProblemHttpResult>> GetPortfolioAsync(
        Guid portfolioId, string? account, ClaimsPrincipal principal, PortfolioContext db, LatestPrices prices, CancellationToken cancellationToken)
    {
        if (PortfolioAccounts.Parse(account) is not { } mode)
        {
            return AccountSelection.Invalid();
        }

        var userId = principal.GetUserId();
        await using var readSnapshot = await AccountSelection.SnapshotAsync(db, cancellationToken);
        var portfolio = await db.Portfolios.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == portfolioId && p.UserId == userId, cancellationToken);
        return portfolio is null || (account is not null && portfolio.Mode != mode)
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

        return PortfolioMarker.Mark(portfolio, positions, prices.For(portfolio));
    }
}
