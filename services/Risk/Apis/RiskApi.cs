using System.Data;
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

    /// <summary>The user's limits with the usage and halts of one account (<c>?account=paper|live</c>, default paper).</summary>
    public static async Task<Results<Ok<RiskLimitsResponse>, ValidationProblem>> GetLimitsAsync(
        string? account, ClaimsPrincipal principal, RiskContext db, MarketPriceCache prices, OrderRateLimiter rate, IOptions<RiskOptions> options,
        TimeProvider time, CancellationToken cancellationToken) =>
        RiskAccounts.Parse(account) is { } mode
            ? TypedResults.Ok(await ReadLimitsAsync(principal.GetUserId(), db, prices, rate, options.Value, time.GetUtcNow(), mode, cancellationToken))
            : InvalidAccount();

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

    /// <summary>The halts on the account's opening orders (<c>?account=paper|live</c>, default paper).</summary>
    public static async Task<Results<Ok<HaltStateResponse>, ValidationProblem>> GetHaltAsync(
        string? account, ClaimsPrincipal principal, RiskContext db, TimeProvider time, CancellationToken cancellationToken) =>
        RiskAccounts.Parse(account) is { } mode
            ? TypedResults.Ok(await HaltStateReader.ReadAsync(db, principal.GetUserId(), mode, time.GetUtcNow(), cancellationToken))
            : InvalidAccount();

    /// <summary>Acknowledges the account's drawdown halt and resumes (409 when there is none the user may lift).</summary>
    public static async Task<Results<Ok<HaltStateResponse>, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        ReasonRequest? request, string? account, ClaimsPrincipal principal, HaltCommands halts, RiskContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (RiskAccounts.Parse(account) is not { } mode)
        {
            return InvalidAccount();
        }

        var userId = principal.GetUserId();
        var result = await halts.ResumeByUserAsync(userId, mode, request?.Reason, cancellationToken);
        if (!result.Succeeded)
        {
            return ProblemResults.Conflict("risk-nothing-to-resume", "Nothing you can resume.", result.Refusal);
        }

        return TypedResults.Ok(await HaltStateReader.ReadAsync(db, userId, mode, time.GetUtcNow(), cancellationToken));
    }

    /// <summary>The pre-trade check of the order ticket: every violation and the bracket that would attach; places nothing
    /// and does not count against the order-rate cap.</summary>
    public static async Task<Results<Ok<RiskPreviewResponse>, ValidationProblem>> PreviewAsync(
        RiskPreviewRequest request, string? account, ClaimsPrincipal principal, RiskCheckService checks, MarketPriceCache prices,
        CancellationToken cancellationToken)
    {
        var mode = RiskAccounts.Parse(account);
        var errors = new ValidationErrors()
            .Check(mode is not null, "account", "Must be paper or live.")
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
            mode!,
            new OrderRiskInput(symbol, request.Side, request.OrderType ?? (request.LimitPrice is null ? "market" : "limit"),
                quantity, reference, request.LimitPrice, request.StopLossPrice, request.TakeProfitPrice),
            countAsOrder: false,
            cancellationToken);
        return TypedResults.Ok(new RiskPreviewResponse(
            assessment.Approved, assessment.Violations, symbol, quantity, assessment.ReferencePrice, assessment.IsOpening,
            assessment.StopLossPrice, assessment.TakeProfitPrice));
    }

    public static Task<RiskLimitsResponse> ReadLimitsAsync(
        Guid userId, RiskContext db, MarketPriceCache prices, OrderRateLimiter rate, RiskOptions options, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        ReadLimitsAsync(userId, db, prices, rate, options, now, RiskAccounts.Paper, cancellationToken);

    /// <summary>The user's limits with the usage and halts of <paramref name="accountName"/> (<c>paper</c> or <c>live</c>).</summary>
    public static async Task<RiskLimitsResponse> ReadLimitsAsync(
        Guid userId, RiskContext db, MarketPriceCache prices, OrderRateLimiter rate, RiskOptions options, DateTimeOffset now,
        string accountName, CancellationToken cancellationToken)
    {
        // One snapshot for the reads below (disposed, never committed): a fill applied between the account and the
        // positions queries would otherwise show its position change without its cash change.
        await using var snapshot = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : null;
        var profile = await db.RiskProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken)
                      ?? RiskProfile.WithPlatformDefaults(userId, now);
        var rows = await db.Accounts.AsNoTracking()
            .Where(a => a.UserId == userId && (a.Account == accountName || a.Account == RiskAccounts.Paper))
            .ToListAsync(cancellationToken);
        var account = rows.SingleOrDefault(a => a.Account == accountName);
        var positions = await db.Positions.AsNoTracking()
            .Where(p => p.UserId == userId && p.Account == accountName && p.Quantity != 0m).ToListAsync(cancellationToken);
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
            HaltStateReader.From(account, rows.SingleOrDefault(a => a.Account == RiskAccounts.Paper), platform, now));
    }

    public static ValidationProblem InvalidAccount() =>
        ProblemResults.Validation(new Dictionary<string, string[]> { ["account"] = ["Must be paper or live."] });
}
