using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradeNova.Backtest.Data;
using TradeNova.Backtest.Data.Alpaca;
using TradeNova.Backtest.Running;
using TradeNova.Contracts.Backtest;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.Trading.Data;

namespace TradeNova.Backtest.Jobs;

/// <summary>
/// Runs one job. Exactly once, even across crashes and redeliveries: the job row is claimed with a fresh run token
/// (from queued, or from running when the previous holder's heartbeat went silent), the result is committed only while
/// the row still carries that token, and the message is acknowledged only after that commit. A redelivered message for
/// a finished job finds nothing to claim and is acknowledged without running anything.
/// </summary>
public sealed partial class RunBacktestJobConsumer(
    IServiceScopeFactory scopes,
    JobSignal signal,
    IOptions<BacktestLimits> limits,
    ILogger<RunBacktestJobConsumer> logger) : IConsumer<RunBacktestJob>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public async Task Consume(ConsumeContext<RunBacktestJob> context)
    {
        var jobId = context.Message.BacktestId;
        var runToken = Guid.NewGuid();
        var cancellationToken = context.CancellationToken;
        using var activity = BacktestTelemetry.ActivitySource.StartActivity("run backtest job");
        activity?.SetTag("tradenova.backtest_id", jobId);

        if (!await ClaimAsync(jobId, runToken, cancellationToken))
        {
            LogNotClaimed(jobId);
            return;
        }

        signal.Pulse();
        BacktestJob job;
        List<UserDataSet> uploads;
        IReadOnlyDictionary<string, BarSeries>? alpaca;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BacktestContext>();
            job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
            uploads = await UploadsAsync(db, job, cancellationToken);
            alpaca = await AlpacaBarsAsync(db, job, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        JobOutcome? outcome = null;
        string? failure = null;
        var cancelled = false;
        await using (var progress = new JobProgressReporter(scopes, signal, jobId, runToken, cancellationToken))
        {
            try
            {
                outcome = await Task.Run(() => Execute(job, uploads, alpaca, progress), progress.RunCancelled);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
            }
            catch (JobFailedException error)
            {
                failure = error.Message;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRunFailed(error, jobId);
                failure = "The backtest failed: " + error.Message;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var ran = clock.ElapsedMilliseconds;
        // Serialised before the row is locked: a long result must not hold the lock, and completed_at is then the
        // moment the stored result becomes visible, not the moment the engine stopped.
        var documents = outcome is null ? null : ResultDocuments.Of(outcome);
        var serialised = clock.ElapsedMilliseconds;
        await CompleteAsync(job, runToken, outcome, documents, failure, cancelled, cancellationToken);
        signal.Pulse();
        LogCompleted(jobId, outcome is not null ? BacktestJobStatus.Succeeded : cancelled ? BacktestJobStatus.Cancelled : BacktestJobStatus.Failed,
            clock.ElapsedMilliseconds, ran, serialised - ran, clock.ElapsedMilliseconds - serialised);
    }

    private async Task<bool> ClaimAsync(Guid jobId, Guid runToken, CancellationToken cancellationToken)
    {
        // A redelivery can arrive while the previous holder's lease is still fresh (it died a moment ago): wait out the
        // lease once before deciding the job is someone else's live run.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BacktestContext>();
            if (await new JobStore(db, TimeProvider.System).TryClaimAsync(jobId, runToken, cancellationToken))
                return true;
            var status = await db.Jobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleOrDefaultAsync(cancellationToken);
            if (status is null || BacktestJobStatus.IsTerminal(status) || deadline.Elapsed > JobStore.LeaseTimeout * 2)
                return false;
            await Task.Delay(JobStore.LeaseTimeout / 5, cancellationToken);
        }
    }

    private JobOutcome Execute(BacktestJob job, List<UserDataSet> uploads, IReadOnlyDictionary<string, BarSeries>? alpaca, JobProgressReporter progress)
    {
        var request = JsonSerializer.Deserialize<Requests.BacktestRequest>(job.Request, Json)!;
        var errors = new TradeNova.ServiceDefaults.Problems.ValidationErrors();
        var plan = BacktestRequestValidator.Validate(request, job.Kind, limits.Value, errors, out var tooLarge)
            ?? throw new JobFailedException("The stored request no longer validates: " + string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + tooLarge);
        var data = MarketDataLoader.Load(plan, UserUploads.Import(uploads), out var dataError, alpaca)
            ?? throw new JobFailedException(dataError!);
        return BacktestRunner.Run(plan, data, progress.Report, progress.RunCancelled);
    }

    /// <summary>A job on Alpaca data runs on the bars its submission cached, never fetching (it has no user token to fetch with).</summary>
    private static async Task<IReadOnlyDictionary<string, BarSeries>?> AlpacaBarsAsync(BacktestContext db, BacktestJob job, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<Requests.BacktestRequest>(job.Request, Json)!;
        if (!DataSpecValidator.UsesAlpaca(request))
            return null;
        return request is { Start: { } start, End: { } end }
            ? await AlpacaBarCache.CachedAsync(db, job.UserId, null, AlpacaBarCache.TimeframeOf(request), start, end, cancellationToken)
            : new Dictionary<string, BarSeries>();
    }

    private static Task<List<UserDataSet>> UploadsAsync(BacktestContext db, BacktestJob job, CancellationToken cancellationToken) =>
        db.DataSets.AsNoTracking().Where(d => d.UserId == job.UserId).ToListAsync(cancellationToken);

    private async Task CompleteAsync(
        BacktestJob job, Guid runToken, JobOutcome? outcome, ResultDocuments? documents, string? failure, bool cancelled, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BacktestContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = await new JobStore(db, time).LockHeldAsync(job.Id, runToken, cancellationToken);
        if (held is null)
        {
            // Another run took the job over, or it was deleted: that run (or nobody) records the outcome.
            LogLostJob(job.Id);
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        held.CompletedAt = now;
        held.EngineVersion = EngineVersion.Current;
        if (outcome is not null)
        {
            held.Status = BacktestJobStatus.Succeeded;
            held.Progress = 1.0;
            held.EtaSeconds = 0;
            held.FinalEquity = outcome.FinalEquity;
            held.TotalReturn = outcome.Statistics.TotalReturn;
            held.Sharpe = outcome.Statistics.Sharpe;
            held.MaxDrawdown = outcome.Statistics.MaxDrawdown;
            held.TradeCount = outcome.Statistics.TradeCount;
            held.DataSummary = outcome.Data.Summary;
            held.UsesSyntheticData = outcome.Data.AnySynthetic;
            db.Results.Add(new BacktestJobResult
            {
                BacktestId = job.Id,
                Payload = documents!.Payload,
                Trades = documents.Trades,
                Equity = documents.Equity,
                CreatedAt = now,
            });
        }
        else
        {
            held.Status = cancelled ? BacktestJobStatus.Cancelled : BacktestJobStatus.Failed;
            held.Error = cancelled ? "Cancelled by the user." : failure;
            held.EtaSeconds = null;
        }

        outbox.Add(new BacktestCompleted(
            held.UserId, held.Id, held.Status, held.TotalReturn is { } r ? (decimal)r : null,
            held.MaxDrawdown is { } d ? (decimal)d : null, held.TradeCount, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest job {JobId} not claimed: finished, deleted or held by a live run")]
    private partial void LogNotClaimed(Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest job {JobId} was taken over by another run; this run's outcome is discarded")]
    private partial void LogLostJob(Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backtest job {JobId} failed")]
    private partial void LogRunFailed(Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest job {JobId} {Status} in {ElapsedMs} ms (run {RunMs} ms, serialise {SerialiseMs} ms, store {StoreMs} ms)")]
    private partial void LogCompleted(Guid jobId, string status, long elapsedMs, long runMs, long serialiseMs, long storeMs);
}
