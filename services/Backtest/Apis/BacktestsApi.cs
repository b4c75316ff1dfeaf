using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TradeNova.Backtest.Jobs;
using TradeNova.Backtest.Running;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Data;
using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.Parameters;

namespace TradeNova.Backtest.Apis;

/// <summary>The backtesting lab: submit backtests, comparisons and optimisations (these need an active subscription),
/// follow their progress live, read, export, cancel and delete one's own results. Another user's job is a 404.</summary>
public static class BacktestsApi
{
    public static RouteGroupBuilder MapBacktestsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/backtests").WithTags("Backtests").RequireAuthorization();
        api.MapGet("/catalog", GetCatalog);
        api.MapPost("/", (HttpRequest http, ClaimsPrincipal user, JobSubmission jobs, CancellationToken ct) => SubmitAsync(http, user, jobs, BacktestJobKind.Backtest, ct))
            .RequireActiveSubscription();
        api.MapPost("/comparisons", (HttpRequest http, ClaimsPrincipal user, JobSubmission jobs, CancellationToken ct) => SubmitAsync(http, user, jobs, BacktestJobKind.Comparison, ct))
            .RequireActiveSubscription();
        api.MapPost("/optimizations", (HttpRequest http, ClaimsPrincipal user, JobSubmission jobs, CancellationToken ct) => SubmitAsync(http, user, jobs, BacktestJobKind.Optimization, ct))
            .RequireActiveSubscription();
        api.MapPost("/{id:guid}/rerun", RerunAsync).RequireActiveSubscription();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/{id:guid}/events", Events);
        api.MapPost("/{id:guid}/cancel", CancelAsync);
        api.MapDelete("/{id:guid}", DeleteAsync);
        api.MapGet("/{id:guid}/trades.csv", TradesCsvAsync);
        api.MapGet("/{id:guid}/equity.csv", EquityCsvAsync);
        return api;
    }

    /// <summary>The lab's symbol defaults: its bundled index, and two synthetic symbols where a basket is asked for.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<StrategyParameterField>> Parameters =
        StrategyParameterTable.For([BundledMarketData.Sp500Symbol, "AAA", "BBB"]);

    public static Ok<CatalogView> GetCatalog(IOptions<BacktestLimits> limits) => TypedResults.Ok(new CatalogView(
        StrategyCatalog.Strategies.Select(s => new StrategyView(s.Name, s.DisplayName, s.Description,
            Parameters.GetValueOrDefault(s.Name) ?? [], s.ExampleParametersJson)).ToArray(),
        StrategyParameterTable.RuleLanguage,
        ["strategy", "all-cash", "percent-of-equity", "fixed-shares", "fixed-dollars"],
        ["sharpe", "cagr", "calmar", "total_return", "profit_factor"],
        [.. Trading.Optimization.PerformanceMetrics.Names],
        new RiskDefaultsView(0.10m, 10, 0.05m, 0.15m, 0.05m, 0.10m),
        ["maxPosition", "maxOpenPositions", "dailyLoss", "maxDrawdown", "stopLoss", "takeProfit"],
        new LimitsView(limits.Value.MaxOptimizationSets, limits.Value.MaxComparisonStrategies, limits.Value.MaxOptimizationParameters,
            BacktestQuota.DefaultMaxConcurrentJobs, BacktestQuota.DefaultDailyRunLimit),
        [BundledMarketData.Sp500Symbol]));

    private static async Task<Results<Accepted<JobView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest http, ClaimsPrincipal user, JobSubmission jobs, string kind, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = await RequestReader.ReadAsync(http, errors, cancellationToken);
        return await jobs.SubmitAsync(user.GetUserId(), request, kind, errors, cancellationToken);
    }

    /// <summary>Runs a stored request again, exactly as stored; a deterministic engine gives the identical result.</summary>
    public static async Task<Results<Accepted<JobView>, ValidationProblem, ProblemHttpResult>> RerunAsync(
        Guid id, ClaimsPrincipal user, BacktestContext db, JobSubmission jobs, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.UserId == userId, cancellationToken);
        if (job is null)
            return ProblemResults.NotFound("No such backtest.");
        var errors = new ValidationErrors();
        var request = JsonSerializer.Deserialize<Requests.BacktestRequest>(job.Request, JsonSerializerOptions.Web);
        return await jobs.SubmitAsync(userId, request, job.Kind, errors, cancellationToken);
    }

    public static async Task<Ok<IReadOnlyList<JobView>>> ListAsync(
        ClaimsPrincipal user, BacktestContext db, string? kind, int? limit, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var query = db.Jobs.AsNoTracking().Where(j => j.UserId == userId);
        if (!string.IsNullOrEmpty(kind))
            query = query.Where(j => j.Kind == kind);
        var jobs = await query.OrderByDescending(j => j.CreatedAt).Take(Math.Clamp(limit ?? 50, 1, 200)).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<JobView>>(jobs.Select(JobView.Of).ToArray());
    }

    public static async Task<Results<Ok<JobDetailView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, BacktestContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.UserId == userId, cancellationToken);
        if (job is null)
            return ProblemResults.NotFound("No such backtest.");
        var payload = await db.Results.AsNoTracking().Where(r => r.BacktestId == id).Select(r => r.Payload).SingleOrDefaultAsync(cancellationToken);
        using var request = JsonDocument.Parse(job.Request);
        JsonElement? result = null;
        if (payload is not null)
        {
            using var document = JsonDocument.Parse(payload);
            result = document.RootElement.Clone();
        }

        return TypedResults.Ok(new JobDetailView(JobView.Of(job), request.RootElement.Clone(), result));
    }

    /// <summary>Server-sent events: the job's state whenever it changes (progress, ETA), ending after the terminal state.
    /// A worker in this instance wakes the stream at once; jobs run by another instance show up on the next poll.</summary>
    public static IResult Events(Guid id, ClaimsPrincipal user, IServiceScopeFactory scopes, JobSignal signal, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Stream(id, user.GetUserId(), scopes, signal, cancellationToken));

    private static async IAsyncEnumerable<SseItem<JobView>> Stream(
        Guid id, Guid userId, IServiceScopeFactory scopes, JobSignal signal, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JobView? last = null;
        var quiet = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = signal.NextAsync();
            BacktestJob? job;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BacktestContext>();
                job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.UserId == userId, cancellationToken);
            }

            if (job is null)
            {
                yield return new SseItem<JobView>(last ?? default!, "gone");
                yield break;
            }

            var view = JobView.Of(job);
            if (view != last || ++quiet >= 20)
            {
                quiet = 0;
                last = view;
                yield return new SseItem<JobView>(view, "job");
            }

            if (BacktestJobStatus.IsTerminal(job.Status))
                yield break;
            await Task.WhenAny(wake, Task.Delay(250, cancellationToken));
        }
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal user, BacktestContext db, JobSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var now = time.GetUtcNow();
        // A queued job is cancelled at once; a running one is flagged and its worker stops at the next heartbeat.
        await db.Jobs.Where(j => j.Id == id && j.UserId == userId && j.Status == BacktestJobStatus.Queued)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, BacktestJobStatus.Cancelled).SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.Error, "Cancelled by the user before it started."), cancellationToken);
        await db.Jobs.Where(j => j.Id == id && j.UserId == userId && j.Status == BacktestJobStatus.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.CancelRequested, true), cancellationToken);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.UserId == userId, cancellationToken);
        signal.Pulse();
        return job is null ? ProblemResults.NotFound("No such backtest.") : TypedResults.Accepted($"/api/v1/backtests/{id}", JobView.Of(job));
    }

    /// <summary>Deletes the job and its result; a running job loses its row, so its worker's outcome is discarded.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, BacktestContext db, JobSignal signal, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var deleted = await db.Jobs.Where(j => j.Id == id && j.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        signal.Pulse();
        return deleted == 0 ? ProblemResults.NotFound("No such backtest.") : TypedResults.NoContent();
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TradesCsvAsync(
        Guid id, ClaimsPrincipal user, BacktestContext db, CancellationToken cancellationToken)
    {
        var trades = await ResultDocumentAsync(db, TradesQuery, id, user.GetUserId(), cancellationToken);
        return trades is null
            ? ProblemResults.NotFound("No such backtest result.")
            : TypedResults.File(CsvExport.Trades(JsonSerializer.Deserialize<TradeRow[]>(trades, JsonSerializerOptions.Web)!), "text/csv", $"backtest-{id}-trades.csv");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EquityCsvAsync(
        Guid id, ClaimsPrincipal user, BacktestContext db, CancellationToken cancellationToken)
    {
        var equity = await ResultDocumentAsync(db, EquityQuery, id, user.GetUserId(), cancellationToken);
        return equity is null
            ? ProblemResults.NotFound("No such backtest result.")
            : TypedResults.File(CsvExport.Equity(JsonSerializer.Deserialize<EquityRow[]>(equity, JsonSerializerOptions.Web)!), "text/csv", $"backtest-{id}-equity.csv");
    }

    private const string TradesQuery = "SELECT " + ResultDocuments.TradesSql + " AS \"Value\"" + OwnResult;
    private const string EquityQuery = "SELECT " + ResultDocuments.EquitySql + " AS \"Value\"" + OwnResult;
    private const string OwnResult = " FROM backtest.job_results r JOIN backtest.jobs j ON j.id = r.backtest_id WHERE r.backtest_id = {0} AND j.user_id = {1}";

    /// <summary>One of the result's stored documents, or null when the user has no such result.</summary>
    private static async Task<string?> ResultDocumentAsync(BacktestContext db, string query, Guid id, Guid userId, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<string>(query, id, userId).ToListAsync(cancellationToken)).SingleOrDefault();
}
