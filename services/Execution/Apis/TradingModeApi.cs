using Microsoft.AspNetCore.Mvc;
using TradeNova.Execution.Audit;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Apis;

/// <summary>
/// The dashboard's paper/live switch: the default mode of the user's orders (an order may still name its own). Live
/// needs a broker connection; every switch is audited.
/// </summary>
public static class TradingModeApi
{
    public static async Task<Results<Ok<TradingAccountResponse>, ValidationProblem, ProblemHttpResult>> SetModeAsync(
        [FromBody] TradingModeRequest? request,
        ClaimsPrincipal principal,
        ExecutionDbContext db,
        ExecutionAuditLog audit,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var mode = request?.Mode?.Trim().ToLowerInvariant();
        errors.Check(mode is TradingModes.Paper or TradingModes.Live, "mode", "Must be paper or live.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var userId = principal.GetUserId();
        var account = await db.TradingAccounts.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (account is null)
        {
            return ProblemResults.NotFound("Trading account not created yet.");
        }

        if (mode == TradingModes.Live && !await db.BrokerConnections.AnyAsync(c => c.UserId == userId, cancellationToken))
        {
            return BrokerNotConnected();
        }

        if (account.Mode != mode)
        {
            audit.Record(userId, ExecutionAuditActions.TradingModeChanged, $"{account.Mode} -> {mode}");
            account.Mode = mode!;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new TradingAccountResponse(account.UserId, account.Mode, account.CreatedAt));
    }

    public static ProblemHttpResult BrokerNotConnected() =>
        TypedResults.Problem("Live orders go to your own Alpaca account: connect it first (PUT /api/v1/broker/connection), or trade paper.",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: "No broker connected for live trading", type: ProblemTypes.For("broker-not-connected"));
}
