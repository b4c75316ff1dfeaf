using Microsoft.Extensions.Options;
using TradeNova.Risk.Checks;
using TradeNova.Risk.Halts;
using TradeNova.Risk.Limits;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Risk.Apis;

/// <summary>Operators' risk controls (role admin): halt or resume one user, the platform kill switch, limits past the
/// defaults, and the audit trail. Every action is audited with the admin's id and reason.</summary>
public static class RiskAdminApi
{
    public static RouteGroupBuilder MapRiskAdminApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/risk/admin").WithTags("Risk admin").RequireAuthorization(TradeNovaPolicies.Admin);
        api.MapGet("/users/{userId:guid}/limits", GetUserLimitsAsync);
        api.MapPut("/users/{userId:guid}/limits", SetUserLimitsAsync);
        api.MapPost("/users/{userId:guid}/halt", HaltUserAsync);
        api.MapPost("/users/{userId:guid}/resume", ResumeUserAsync);
        api.MapGet("/kill-switch", GetKillSwitchAsync);
        api.MapPost("/kill-switch", EngageKillSwitchAsync);
        api.MapDelete("/kill-switch", ReleaseKillSwitchAsync);
        api.MapGet("/audit", GetAuditAsync);
        return api;
    }

    public static async Task<Results<Ok<RiskLimitsResponse>, ValidationProblem>> GetUserLimitsAsync(
        Guid userId, string? account, RiskContext db, MarketPriceCache prices, OrderRateLimiter rate, IOptions<RiskOptions> options,
        TimeProvider time, CancellationToken cancellationToken) =>
        RiskAccounts.Parse(account) is { } mode
            ? TypedResults.Ok(await RiskApi.ReadLimitsAsync(userId, db, prices, rate, options.Value, time.GetUtcNow(), mode, cancellationToken))
            : RiskApi.InvalidAccount();

    public static async Task<Results<Ok<RiskLimitsResponse>, ValidationProblem>> SetUserLimitsAsync(
        Guid userId, UpdateRiskLimitsRequest request, ClaimsPrincipal principal, RiskLimitsEditor editor, RiskContext db,
        MarketPriceCache prices, OrderRateLimiter rate, IOptions<RiskOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var outcome = await editor.ApplyAsync(userId, request, principal.GetUserId(), actorIsAdmin: true, cancellationToken);
        if (outcome.Errors is not null)
        {
            return ProblemResults.Validation(outcome.Errors);
        }

        return TypedResults.Ok(await RiskApi.ReadLimitsAsync(userId, db, prices, rate, options.Value, time.GetUtcNow(), cancellationToken));
    }

    public static async Task<Ok<HaltStateResponse>> HaltUserAsync(
        Guid userId, ReasonRequest? request, ClaimsPrincipal principal, HaltCommands halts, RiskContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await halts.AdminHaltAsync(userId, principal.GetUserId(), request?.Reason, cancellationToken);
        return TypedResults.Ok(await HaltStateReader.ReadAsync(db, userId, RiskAccounts.Paper, time.GetUtcNow(), cancellationToken));
    }

    public static async Task<Ok<HaltStateResponse>> ResumeUserAsync(
        Guid userId, ReasonRequest? request, ClaimsPrincipal principal, HaltCommands halts, RiskContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await halts.AdminResumeAsync(userId, principal.GetUserId(), request?.Reason, cancellationToken);
        return TypedResults.Ok(await HaltStateReader.ReadAsync(db, userId, RiskAccounts.Paper, time.GetUtcNow(), cancellationToken));
    }

    /// <summary>The kill switch as it stands; where it was never used, not engaged and never changed.</summary>
    public static async Task<Ok<KillSwitchResponse>> GetKillSwitchAsync(RiskContext db, CancellationToken cancellationToken)
    {
        var halt = await db.PlatformHalts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == PlatformHalt.SingletonId, cancellationToken);
        return TypedResults.Ok(halt is null
            ? new KillSwitchResponse(false, null, null, null)
            : new KillSwitchResponse(halt.Active, halt.Reason, halt.ChangedBy, halt.ChangedAt));
    }

    public static async Task<NoContent> EngageKillSwitchAsync(
        ReasonRequest? request, ClaimsPrincipal principal, HaltCommands halts, CancellationToken cancellationToken)
    {
        await halts.SetKillSwitchAsync(true, principal.GetUserId(), request?.Reason, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ReleaseKillSwitchAsync(
        ClaimsPrincipal principal, HaltCommands halts, CancellationToken cancellationToken)
    {
        await halts.SetKillSwitchAsync(false, principal.GetUserId(), null, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<RiskAuditEntry>>> GetAuditAsync(
        Guid? userId, RiskContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Audit.AsNoTracking()
            .Where(a => userId == null || a.SubjectUserId == userId)
            .OrderByDescending(a => a.Id).Take(500).ToListAsync(cancellationToken));
}
