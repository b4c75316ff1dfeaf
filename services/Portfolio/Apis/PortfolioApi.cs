using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Portfolio.Apis;

public static class PortfolioApi
{
    public static RouteGroupBuilder MapPortfolioApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/portfolio").WithTags("Portfolio").RequireAuthorization();
        api.MapGet("/", GetMyPortfolioAsync);
        api.MapGet("/{portfolioId:guid}", GetPortfolioAsync);
        return api;
    }

    /// <summary>The caller's portfolio; 404 until the UserRegistered event has been applied.</summary>
    public static async Task<Results<Ok<PortfolioResponse>, ProblemHttpResult>> GetMyPortfolioAsync(
        ClaimsPrincipal principal, PortfolioContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var portfolio = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return portfolio is null
            ? ProblemResults.NotFound("Portfolio not opened yet.")
            : TypedResults.Ok(PortfolioResponse.From(portfolio));
    }

    /// <summary>Another user's portfolio is indistinguishable from a missing one.</summary>
    public static async Task<Results<Ok<PortfolioResponse>, ProblemHttpResult>> GetPortfolioAsync(
        Guid portfolioId, ClaimsPrincipal principal, PortfolioContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var portfolio = await db.Portfolios.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == portfolioId && p.UserId == userId, cancellationToken);
        return portfolio is null
            ? ProblemResults.NotFound("Portfolio not found.")
            : TypedResults.Ok(PortfolioResponse.From(portfolio));
    }
}
