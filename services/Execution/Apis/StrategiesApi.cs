using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TradeNova.Execution.Market;
using TradeNova.Execution.Strategies;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.Parameters;

namespace TradeNova.Execution.Apis;

/// <summary>
/// <c>/api/v1/strategies</c>: the catalogue, start (entitled), list, details, stop. The user id comes only from the
/// token; another user's run is a 404. Runs are driven by <see cref="StrategyRunner"/> on whichever instance owns them.
/// </summary>
public static class StrategiesApi
{
    private const int DetailRows = 50;

    public static RouteGroupBuilder MapStrategiesApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/strategies").WithTags("Strategies").RequireAuthorization();
        api.MapGet("/catalog", GetCatalog);
        api.MapPost("/", StartAsync).RequireActiveSubscription()
            .Produces<StrategyRunResponse>(StatusCodes.Status201Created).Produces<StrategyRunResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/{id:guid}/stop", StopAsync);
        return api;
    }

    /// <summary>Symbol defaults from the live universe.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<StrategyParameterField>> Parameters =
        StrategyParameterTable.For(["SPY", "QQQ", "DIA"]);

    public static Ok<StrategyCatalogView> GetCatalog(IOptions<StrategyOptions> options) => TypedResults.Ok(new StrategyCatalogView(
        [.. StrategyCatalog.Strategies.Select(s => new StrategyView(s.Name, s.DisplayName, s.Description,
            Parameters.GetValueOrDefault(s.Name) ?? [], s.ExampleParametersJson))],
        StrategyParameterTable.RuleLanguage,
        StrategySizing.Modes,
        StartStrategyValidator.BarSeconds,
        options.Value.MaxRunningPerUser));

    public static async Task<IResult> StartAsync(
        [FromBody] StartStrategyRequest? request,
        [FromHeader(Name = OrdersApi.IdempotencyKeyHeader)] string? idempotencyKey,
        ClaimsPrincipal principal,
        ExecutionDbContext db,
        PriceSimulator prices,
        BarSources sources,
        IOptions<StrategyOptions> options,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var errors = new ValidationErrors();
        errors.Check(idempotencyKey is null || idempotencyKey.Length is > 0 and <= 128, OrdersApi.IdempotencyKeyHeader, "1 to 128 characters when given.");
        var account = request?.Account?.Trim().ToLowerInvariant();
        var equity = await db.AccountEquities.AsNoTracking().Where(a => a.UserId == userId && a.Mode == account)
            .Select(a => (decimal?)a.Equity).FirstOrDefaultAsync(cancellationToken);
        // Before Portfolio's first valuation a paper account holds its opening cash; a live one is bounded only by Risk's
        // buying-power check of each order.
        equity ??= account == TradingModes.Paper ? options.Value.DefaultPaperEquity : null;
        var valid = StartStrategyValidator.Validate(request, equity, errors);
        if (valid is null || errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (idempotencyKey is not null && await FindByKeyAsync(db, userId, idempotencyKey, cancellationToken) is { } replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(await ResponseAsync(db, replayed, prices, sources, time, cancellationToken));
        }

        if (valid.Account == TradingModes.Live && !await db.BrokerConnections.AnyAsync(c => c.UserId == userId, cancellationToken))
        {
            return TradingModeApi.BrokerNotConnected();
        }

        var now = time.GetUtcNow();
        var run = new StrategyRun
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = valid.Name,
            StrategyName = valid.StrategyName,
            Parameters = valid.Parameters,
            Symbols = [.. valid.Symbols],
            SizingMode = valid.SizingMode,
            SizingValue = valid.SizingValue,
            Allocation = valid.Allocation,
            Account = valid.Account,
            BarSeconds = valid.BarSeconds,
            Status = StrategyRunStatuses.Running,
            IdempotencyKey = idempotencyKey,
            StartedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Serialises a user's starts, so two at once cannot both be the fifth.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"strategy-runs:" + userId}, 0))", cancellationToken);
            var running = await db.StrategyRuns.CountAsync(r => r.UserId == userId && r.Status == StrategyRunStatuses.Running, cancellationToken);
            if (running >= options.Value.MaxRunningPerUser)
            {
                return ProblemResults.Conflict("strategy-limit-reached", $"At most {options.Value.MaxRunningPerUser} strategies run at once.",
                    "Stop one of your running strategies first.");
            }

            db.StrategyRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation() && idempotencyKey is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Ok(await ResponseAsync(db, (await FindByKeyAsync(db, userId, idempotencyKey, cancellationToken))!, prices, sources, time, cancellationToken));
            }
        }

        return TypedResults.Created($"/api/v1/strategies/{run.Id}", await ResponseAsync(db, run, prices, sources, time, cancellationToken));
    }

    public static async Task<Ok<StrategyRunList>> ListAsync(
        ClaimsPrincipal principal, ExecutionDbContext db, PriceSimulator prices, BarSources sources, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var runs = await db.StrategyRuns.AsNoTracking().Where(r => r.UserId == userId)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        var items = new List<StrategyRunResponse>(runs.Count);
        foreach (var run in runs)
        {
            items.Add(await ResponseAsync(db, run, prices, sources, time, cancellationToken));
        }

        return TypedResults.Ok(new StrategyRunList(items));
    }

    public static async Task<Results<Ok<StrategyRunDetails>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal principal, ExecutionDbContext db, PriceSimulator prices, BarSources sources, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var run = await db.StrategyRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId, cancellationToken);
        if (run is null)
        {
            return ProblemResults.NotFound("Strategy run not found.");
        }

        var signals = await db.StrategySignals.AsNoTracking().Where(s => s.RunId == id)
            .OrderByDescending(s => s.Time).ThenByDescending(s => s.Sequence).Take(DetailRows)
            .GroupJoin(db.Orders, s => s.OrderId, o => o.Id, (s, orders) => new { s, orders })
            .SelectMany(x => x.orders.DefaultIfEmpty(), (x, o) => new StrategySignalView(x.s.Time, x.s.Symbol, x.s.Side, x.s.Quantity, x.s.OrderType,
                x.s.LimitPrice, x.s.StopPrice, x.s.OrderId, o == null ? x.s.Status : o.Status))
            .ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(o => o.StrategyRunId == id && o.UserId == userId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(DetailRows).ToListAsync(cancellationToken);
        return TypedResults.Ok(new StrategyRunDetails(await ResponseAsync(db, run, prices, sources, time, cancellationToken),
            [.. signals.OrderByDescending(s => s.Time)], [.. orders.Select(OrderResponse.From)]));
    }

    public static async Task<Results<Ok<StrategyRunResponse>, ProblemHttpResult>> StopAsync(
        Guid id,
        [FromBody] StopStrategyRequest? request,
        ClaimsPrincipal principal,
        ExecutionDbContext db,
        StrategyRunStopper stopper,
        PriceSimulator prices,
        BarSources sources,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        await stopper.AskBrokersAsync(userId, id, null, null, cancellationToken);
        StrategyRun? run;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            run = (await db.StrategyRuns.FromSqlInterpolated($"SELECT * FROM execution.strategy_runs WHERE id = {id} FOR UPDATE")
                .ToListAsync(cancellationToken)).SingleOrDefault();
            if (run is null || run.UserId != userId)
            {
                return ProblemResults.NotFound("Strategy run not found.");
            }

            if (run.Status != StrategyRunStatuses.Running)
            {
                return ProblemResults.Conflict("strategy-not-running", $"The strategy is {run.Status}.");
            }

            var reason = request?.Reason?.Trim();
            await stopper.StopAsync(run, StopReasons.User, string.IsNullOrEmpty(reason) ? null : reason, cancelOrders: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(await ResponseAsync(db, run, prices, sources, time, cancellationToken));
    }

    private static Task<StrategyRun?> FindByKeyAsync(ExecutionDbContext db, Guid userId, string key, CancellationToken cancellationToken) =>
        db.StrategyRuns.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.IdempotencyKey == key, cancellationToken);

    private static async Task<StrategyRunResponse> ResponseAsync(
        ExecutionDbContext db, StrategyRun run, PriceSimulator prices, BarSources sources, TimeProvider time, CancellationToken cancellationToken)
    {
        var book = await StrategyStepProcessor.BookAsync(db, run.Id, run.Allocation, cancellationToken);
        var liveMarks = run.Account == TradingModes.Live ? await StrategyPnl.LastClosesAsync(db, run.Id, cancellationToken) : null;
        using var parameters = JsonDocument.Parse(run.Parameters);
        return new StrategyRunResponse(run.Id, run.Name, new StrategySpecView(run.StrategyName, parameters.RootElement.Clone()), run.Symbols,
            run.Allocation, run.Account, run.BarSeconds, run.Status, run.StopReason, run.StopDetail, run.StartedAt, run.StoppedAt, run.LastBarAt,
            run.BarsProcessed, run.OrdersSent, StrategyPnl.From(book, prices, time.GetUtcNow(), liveMarks),
            new StrategySizingRequest(run.SizingMode, run.SizingValue), sources.For(run.Account).Name);
    }
}
