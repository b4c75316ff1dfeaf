using Microsoft.Extensions.Options;
using TradeNova.Execution.Market;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Apis;

/// <summary>
/// <c>/api/v1/market/admin</c>: operators move the simulated feed, e.g. to rehearse a market crash against the risk
/// monitors. Admins only; every shock is an append-only row with the admin, the time and the reason (the audit trail), and
/// it takes effect a moment later on every instance at once. It only ever moves simulated prices.
/// </summary>
public static partial class MarketAdminApi
{
    public const decimal MinFactor = 0.05m;
    public const decimal MaxFactor = 20m;
    public const int MaxReasonLength = 500;

    /// <summary>Serialises shocks so each compounds on the one before it: "TNSHOCKS" in ASCII.</summary>
    private const long ShockLockKey = 0x544E53484F434B53;

    public static RouteGroupBuilder MapMarketAdminApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/market/admin").WithTags("Market admin").RequireAuthorization(TradeNovaPolicies.Admin);
        api.MapGet("/shocks", ListShocksAsync);
        api.MapPost("/shocks", ShockAsync);
        api.MapPost("/shocks/{symbol}/reset", ResetAsync);
        return api;
    }

    public static async Task<Ok<List<MarketShockResponse>>> ListShocksAsync(string? symbol, ExecutionDbContext db, CancellationToken cancellationToken)
    {
        var query = db.MarketShocks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(symbol))
        {
            var normalized = SymbolUniverse.Normalize(symbol);
            query = query.Where(s => s.Symbol == normalized);
        }

        var shocks = await query.OrderByDescending(s => s.Id).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(shocks.Select(MarketShockResponse.From).ToList());
    }

    public static async Task<Results<Created<MarketShockResponse>, ValidationProblem>> ShockAsync(
        MarketShockRequest? request, ClaimsPrincipal principal, ExecutionDbContext db, IOptions<SimulationOptions> options, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var symbol = SymbolUniverse.Normalize(request?.Symbol ?? "");
        var errors = new ValidationErrors()
            .Check(SymbolUniverse.Contains(symbol), "symbol", "A symbol of the simulated universe (GET /api/v1/market/symbols).")
            .Check(request?.ChangePercent is > -100m and <= 1_000m and not 0m, "changePercent", "A non-zero change above -100 and at most 1000 (percent).");
        CheckReason(errors, request?.Reason);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return await RecordAsync(db, principal, symbol, current => current * (1m + request!.ChangePercent!.Value / 100m), request!.ChangePercent!.Value,
            request.Reason!, options.Value, time, loggers, cancellationToken);
    }

    public static async Task<Results<Created<MarketShockResponse>, ValidationProblem>> ResetAsync(
        string symbol, MarketShockResetRequest? request, ClaimsPrincipal principal, ExecutionDbContext db, IOptions<SimulationOptions> options,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var normalized = SymbolUniverse.Normalize(symbol);
        var errors = new ValidationErrors().Check(SymbolUniverse.Contains(normalized), "symbol", "A symbol of the simulated universe.");
        CheckReason(errors, request?.Reason);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return await RecordAsync(db, principal, normalized, _ => 1m, null, request!.Reason!, options.Value, time, loggers, cancellationToken);
    }

    private static async Task<Results<Created<MarketShockResponse>, ValidationProblem>> RecordAsync(
        ExecutionDbContext db, ClaimsPrincipal principal, string symbol, Func<decimal, decimal> next, decimal? changePercent, string reason,
        SimulationOptions options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ShockLockKey})", cancellationToken);
        var current = await db.MarketShocks.Where(s => s.Symbol == symbol).OrderByDescending(s => s.EffectiveAt).ThenByDescending(s => s.Id)
            .Select(s => (decimal?)s.Factor).FirstOrDefaultAsync(cancellationToken) ?? 1m;
        var factor = Math.Round(next(current), 10, MidpointRounding.AwayFromZero);
        if (factor is < MinFactor or > MaxFactor)
        {
            return new ValidationErrors().Add("changePercent",
                $"That would put {symbol} at {factor:0.####}× its simulated price; shocks stay between {MinFactor}× and {MaxFactor}×.").ToProblem();
        }

        var now = time.GetUtcNow();
        var shock = new MarketShock
        {
            Symbol = symbol,
            Factor = factor,
            ChangePercent = changePercent ?? Math.Round((1m / current - 1m) * 100m, 6),
            EffectiveAt = now + options.ShockPropagationDelay,
            CreatedAt = now,
            ActorId = principal.GetUserId(),
            Reason = reason.Trim(),
        };
        db.MarketShocks.Add(shock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogShock(loggers.CreateLogger(typeof(MarketAdminApi)), shock.ActorId, symbol, shock.ChangePercent, factor, shock.EffectiveAt, shock.Reason);
        return TypedResults.Created($"/api/v1/market/admin/shocks?symbol={symbol}", MarketShockResponse.From(shock));
    }

    private static void CheckReason(ValidationErrors errors, string? reason) =>
        errors.Check(!string.IsNullOrWhiteSpace(reason) && reason.Trim().Length <= MaxReasonLength, "reason",
            $"Say why (at most {MaxReasonLength} characters): it is kept with the shock.");

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Admin {ActorId} shocked {Symbol} by {ChangePercent}% (factor {Factor} of the simulation) from {EffectiveAt:o}: {Reason}")]
    private static partial void LogShock(ILogger logger, Guid actorId, string symbol, decimal changePercent, decimal factor, DateTimeOffset effectiveAt, string reason);
}
