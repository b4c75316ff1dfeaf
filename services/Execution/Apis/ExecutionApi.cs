using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Apis;

public static class ExecutionApi
{
    public static RouteGroupBuilder MapExecutionApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/execution").WithTags("Execution").RequireAuthorization();
        api.MapGet("/account", GetMyAccountAsync);
        api.MapPut("/account", TradingModeApi.SetModeAsync);
        return api;
    }

    public static async Task<Results<Ok<TradingAccountResponse>, ProblemHttpResult>> GetMyAccountAsync(
        ClaimsPrincipal principal, ExecutionDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var account = await db.TradingAccounts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => new TradingAccountResponse(a.UserId, a.Mode, a.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return account is null ? ProblemResults.NotFound("Trading account not created yet.") : TypedResults.Ok(account);
    }
}
