using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Backtest.Apis;

public static class BacktestApi
{
    public static RouteGroupBuilder MapBacktestApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/backtest").WithTags("Backtest").RequireAuthorization();
        api.MapGet("/quota", GetMyQuotaAsync);
        return api;
    }

    public static async Task<Results<Ok<QuotaResponse>, ProblemHttpResult>> GetMyQuotaAsync(
        ClaimsPrincipal principal, BacktestContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var quota = await db.Quotas.AsNoTracking().SingleOrDefaultAsync(q => q.UserId == userId, cancellationToken);
        if (quota is null)
        {
            return ProblemResults.NotFound("Backtest quota not created yet.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var used = quota.UsageDate == today ? quota.RunsUsed : 0;
        return TypedResults.Ok(new QuotaResponse(quota.UserId, quota.MaxConcurrentJobs, quota.DailyRunLimit, used, today));
    }
}
