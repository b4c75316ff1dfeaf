using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Portfolio.Apis;

/// <summary>What the broker reports corrected in the caller's live portfolio, newest first (the broker is the truth).</summary>
public static class ReconciliationsApi
{
    private const int Limit = 200;

    public static RouteGroupBuilder MapReconciliationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reconciliations", GetReconciliationsAsync);
        return api;
    }

    /// <summary>The paper account has no broker, so its list is always empty.</summary>
    public static async Task<Results<Ok<ReconciliationsResponse>, ValidationProblem, ProblemHttpResult>> GetReconciliationsAsync(
        string? account, ClaimsPrincipal principal, PortfolioContext db, CancellationToken cancellationToken)
    {
        if (PortfolioAccounts.Parse(account) is not { } mode)
        {
            return AccountSelection.Invalid();
        }

        var portfolio = await AccountSelection.FindAsync(db, principal.GetUserId(), mode, cancellationToken);
        if (portfolio is null)
        {
            return AccountSelection.NotFound(mode);
        }

        var items = await db.Reconciliations.AsNoTracking()
            .Where(r => r.PortfolioId == portfolio.Id)
            .OrderByDescending(r => r.Id).Take(Limit)
            .Select(r => new ReconciliationResponse(r.Kind, r.Symbol, r.PortfolioValue, r.BrokerValue, r.AsOf, r.CorrectedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ReconciliationsResponse(portfolio.Mode, portfolio.BrokerAccountNumber, portfolio.BrokerSyncedAt, items));
    }
}
