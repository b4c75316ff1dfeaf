using System.Text.Json;
using Microsoft.Extensions.Options;
using TradeNova.Backtest.Apis;
using TradeNova.Backtest.Data;
using TradeNova.Backtest.Data.Alpaca;
using TradeNova.Backtest.Requests;
using TradeNova.Backtest.Running;
using TradeNova.Contracts.Backtest;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Data;

namespace TradeNova.Backtest.Jobs;

/// <summary>Validates a request, checks the user's quota and stores the job with its work message in one
/// transaction (the outbox relays the message to the workers' queue). Bad input or a quota breach stores nothing.</summary>
public sealed class JobSubmission(
    BacktestContext db, IOutbox outbox, TimeProvider time, IOptions<BacktestLimits> limits, AlpacaBarCache alpacaBars, IHttpContextAccessor http)
{
    public const string QuotaProblem = "backtest-quota";
    public const string TooLargeProblem = "optimization-too-large";

    public async Task<Results<Accepted<JobView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid userId, BacktestRequest? request, string kind, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (request is null)
            return errors.ToProblem();
        var plan = BacktestRequestValidator.Validate(request, kind, limits.Value, errors, out var tooLarge);
        if (errors.HasErrors)
            return errors.ToProblem();
        if (tooLarge is not null)
            return TypedResults.Problem(tooLarge, statusCode: StatusCodes.Status403Forbidden, title: "The optimisation is larger than your plan allows.", type: ProblemTypes.For(TooLargeProblem));

        IReadOnlyDictionary<string, BarSeries>? alpaca = null;
        if (DataSpecValidator.UsesAlpaca(request))
        {
            // The range is fixed now, so a rerun of the stored request reads the same cached bars.
            request = request with { End = request.End ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) };
            plan = plan! with { Request = request };
            if (request.End < request.Start)
                return errors.Add("start", $"Must not be after the last day with data ({request.End:yyyy-MM-dd}).").ToProblem();
            var (series, failure) = await alpacaBars.GetAsync(userId, plan.Symbols, AlpacaBarCache.TimeframeOf(request), request.Start!.Value, request.End!.Value, cancellationToken);
            if (failure is not null)
                return Refused(failure, errors);
            alpaca = series;
        }

        var uploads = alpaca is not null ? [] : await db.DataSets.AsNoTracking().Where(d => d.UserId == userId && plan!.Symbols.Contains(d.Symbol)).ToListAsync(cancellationToken);
        var data = MarketDataLoader.Load(plan!, UserUploads.Import(uploads), out var dataError, alpaca);
        if (data is null)
            return errors.Add(request.Start is null && request.End is null ? "strategy" : "start", dataError!).ToProblem();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var quota = await LockQuotaAsync(userId, now, cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var active = await db.Jobs.CountAsync(j => j.UserId == userId && (j.Status == BacktestJobStatus.Queued || j.Status == BacktestJobStatus.Running), cancellationToken);
        if (active >= quota.MaxConcurrentJobs)
            return TooMany($"You have {active} backtest job(s) queued or running; your plan runs at most {quota.MaxConcurrentJobs} at once. Wait for one to finish or cancel it.");
        var used = quota.UsageDate == today ? quota.RunsUsed : 0;
        if (used >= quota.DailyRunLimit)
            return TooMany($"You have started {used} backtest job(s) today (UTC); your plan allows {quota.DailyRunLimit} a day.");

        quota.UsageDate = today;
        quota.RunsUsed = used + 1;
        var job = new BacktestJob
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Kind = kind,
            Name = request.Name,
            Status = BacktestJobStatus.Queued,
            Request = JsonSerializer.Serialize(request, JsonSerializerOptions.Web),
            CreatedAt = now,
            Assumptions = Assumptions.Describe(plan!, data),
            DataSummary = data.Summary,
            UsesSyntheticData = data.AnySynthetic,
        };
        db.Jobs.Add(job);
        outbox.Add(new RunBacktestJob(job.Id, userId, kind));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/api/v1/backtests/{job.Id}", JobView.Of(job));
    }

    /// <summary>The quota row, locked so concurrent submissions of one user are counted one after another. A user whose
    /// UserRegistered event has not arrived yet gets the defaults now (the event handler then finds the row).</summary>
    private async Task<BacktestQuota> LockQuotaAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = BacktestQuota.ForNewUser(userId, now);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO backtest.quotas (user_id, max_concurrent_jobs, daily_run_limit, runs_used, usage_date, created_at) VALUES ({userId}, {fresh.MaxConcurrentJobs}, {fresh.DailyRunLimit}, 0, {fresh.UsageDate}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await db.Quotas.FromSql($"SELECT * FROM backtest.quotas WHERE user_id = {userId} FOR UPDATE").SingleAsync(cancellationToken);
    }

    /// <summary>Alpaca's bars could not be had: the submission answers why (no keys, keys refused, rate limit) and stores nothing.</summary>
    private Results<Accepted<JobView>, ValidationProblem, ProblemHttpResult> Refused(AlpacaBarsFailure failure, ValidationErrors errors)
    {
        if (failure.Field is not null)
            return errors.Add(failure.Field, failure.Detail).ToProblem();
        if (failure.RetryAfter is not null && http.HttpContext is { } context)
            context.Response.Headers.RetryAfter = failure.RetryAfter;
        return TypedResults.Problem(failure.Detail, statusCode: failure.Status, title: failure.Title, type: failure.Type);
    }

    private static ProblemHttpResult TooMany(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Backtest quota reached.", type: ProblemTypes.For(QuotaProblem));
}
