using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Risk.Apis;

public static class RiskApi
{
    public static RouteGroupBuilder MapRiskApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/risk").WithTags("Risk").RequireAuthorization();
        api.MapGet("/profile", GetMyProfileAsync);
        return api;
    }

    public static async Task<Results<Ok<RiskProfileResponse>, ProblemHttpResult>> GetMyProfileAsync(
        ClaimsPrincipal principal, RiskContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var profile = await db.RiskProfiles.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => new RiskProfileResponse(
                p.UserId, p.MaxPositionFraction, p.MaxOpenPositions, p.DailyLossFraction,
                p.MaxDrawdownFraction, p.StopLossFraction, p.TakeProfitFraction, p.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return profile is null ? ProblemResults.NotFound("Risk profile not created yet.") : TypedResults.Ok(profile);
    }
}
