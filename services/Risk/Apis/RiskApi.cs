using Microsoft.Extensions.Options;
using TradeNova.Risk.Checks;
using TradeNova.Risk.Halts;
using TradeNova.Risk.Limits;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Risk.Apis;

/// <summary>The caller's own risk: limits and usage, tightening limits, the halt and its resume, and the order-ticket
/// preview. The user id comes only from the token.</summary>
public static class RiskApi
{
    public static RouteGroupBuilder MapRiskApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/risk").WithTags("Risk").RequireAuthorization();
        api.MapGet("/profile", GetMyProfileAsync);
        api.MapGet("/limits", GetLimitsAsync);
        api.MapPut("/limits", UpdateLimitsAsync);
        api.MapGet("/limits/history", GetHistoryAsync);
        api.MapGet("/halt", GetHaltAsync);
        api.MapPost("/resume", ResumeAsync);
        api.MapPost("/preview", PreviewAsync);
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

    public static async Task<Ok<RiskLimitsResponse>> GetLimitsAsync(
        ClaimsPrincipal principal, RiskContext db, MarketPriceCache prices, OrderRateLimiter rate, IOptions<RiskOptions> options,
        TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadLimitsAsync(principal.GetUserId(), db, prices, rate, options.Value, time.GetUtcNow(), cancellationToken));

    public static async Task<Results<Ok<RiskLimitsResponse>, ValidationProblem, ProblemHttpResult>> UpdateLimitsAsync(
        UpdateRiskLimitsRequest request, ClaimsPrincipal principal, RiskLimitsEditor editor, RiskContext db, MarketPriceCache prices,
        OrderRateLimiter rate, IOptions<RiskOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var outcome = await editor.ApplyAsync(userId, request, userId, actorIsAdmin: false, cancellationToken);
        if (outcome.Errors is not null)
        {
            return ProblemResults.Validation(outcome.Errors);
        }

        if (outcome.NeedsAdmin.Count > 0)
        {
            return TypedResults.Problem(
                detail: $"You may tighten any limit; loosening {string.Join(", ", outcome.NeedsAdmin)} past the platform default needs an administrator.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Only an administrator may loosen a limit past the platform default.",
                type: ProblemTypes.For("risk-limit-needs-admin"),
                extensions: new Dictionary<string, object?> { ["fields"] = outcome.NeedsAdmin });
        }

        return TypedResults.Ok(await ReadLimitsAsync(userId, db, prices, rate, options.Value, time.GetUtcNow(), cancellationToken));
    }

    public static async Task<Ok<List<RiskLimitVersion>>> GetHistoryAsync(
        ClaimsPrincipal principal, RiskContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        return TypedResults.Ok(await db.LimitVersions.AsNoTracking()
            .Where(v => v.UserId == userId).OrderByDescending(v => v.Version).Take(200).ToListAsync(cancellationToken));
    }

    public static async Task<Ok<HaltStateResponse>> GetHaltAsync(
        ClaimsPrincipal principal, RiskContext db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await HaltStateReader.ReadAsync(db, principal.GetUserId(), time.GetUtcNow(), cancellationToken));

    /// <summary>Acknowledges a drawdown halt and resumes (409 when there is none the user may lift).</summary>
    public static async Task<Results<Ok<HaltStateResponse>, ProblemHttpResult>> ResumeAsync(
        ReasonRequest? request, ClaimsPrincipal principal, HaltCommands halts, RiskContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var result = await halts.ResumeByUserAsync(userId, request?.Reason, cancellationToken);
        if (!result.Succeeded)
        {
            return ProblemResults.Conflict("risk-nothing-to-resume", "Nothing you can resume.", result.Refusal);
        }

        return TypedResults.Ok(await HaltStateReader.ReadAsync(db, userId, time.GetUtcNow(), cancellationToken));
    }

    /// <summary>The pre-trade check of the order ticket: every violation and the bracket that would attach; places nothing
    /// and does not count against the order-rate cap.</summary>
    public static async Task<Results<Ok<RiskPreviewResponse>, ValidationProblem>> PreviewAsync(
        RiskPreviewRequest request, ClaimsPrincipal principal, RiskCheckService checks, MarketPriceCache prices, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Symbol), "symbol", "Required.")
            .Check(OrderRiskEvaluator.ParseSide(request.Side) is not null, "side", "Must be buy or sell.")
            .Check(request.Quantity is > 0m ^ request.Notional is > 0m, "quantity", "Give a positive quantity or a positive notional, not both.")
            .Check(request.LimitPrice is null or > 0m, "limitPrice", "Must be positive.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var symbol = request.Symbol.Trim().ToUpperInvariant();
        var reference = request.LimitPrice ?? (prices.TryGet(symbol, out var last) ? last : 0m);
        var quantity = request.Quantity ?? (reference > 0m ? Math.Round(request.Notional!.Value / reference, 6) : 0m);
        var assessment = await checks.CheckAsync(
            principal.GetUserId(),
            new OrderRiskInput(symbol, request.Side, request.OrderType ?? (request.LimitPrice is null ? "market" : "limit"),
                quantity, reference, request.LimitPrice, request.StopLossPrice, request.TakeProfitPrice),
            countAsOrder: false,
            cancellationToken);
        return TypedResults.Ok(new RiskPreviewResponse(
            assessment.Approved, assessment.Violations, symbol, quantity, assessment.ReferencePrice, assessment.IsOpening,
            assessment.StopLossPrice, assessment.TakeProfitPrice));
    }

    public static async Task<RiskLimitsResponse> ReadLimitsAsync(
        Guid userId, RiskContext db, MarketPriceCache prices, OrderRateLimiter rate, RiskOptions options, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var profile = await db.RiskProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken)
                      ?? RiskProfile.WithPlatformDefaults(userId, now);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        var positions = await db.Positions.AsNoTracking().Where(p => p.UserId == userId && p.Quantity != 0m).ToListAsync(cancellationToken);
        var platform = await db.PlatformHalts.AsNoTracking().SingleOrDefaultAsync(h => h.Active, cancellationToken);
        var usage = RiskUsageBuilder.Build(profile, account, positions, prices, rate.Count(userId, now), options.MaxOrdersPerMinute);
        return new RiskLimitsResponse(
            userId,
            RiskLimitsDto.From(profile),
            RiskLimitsDto.From(RiskProfile.WithPlatformDefaults(userId, now)),
            profile.Version,
            profile.UpdatedAt,
            options.PriceCollarFraction,
            options.MaxOrdersPerMinute,
            usage,
            HaltStateReader.From(account, platform, now));
    }
}
