using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Drives the running strategies this instance owns. Ownership is a lease on the run's row (owner + expiry), renewed
/// every <see cref="StrategyOptions.RenewInterval"/>; runs nobody holds (new, or their owner crashed and the lease
/// lapsed) are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so two instances never take the same run, and each step's
/// commit re-checks ownership, so a paused ex-owner cannot decide a bar the new owner decides. On shutdown the leases are
/// released for another instance to take at once.
/// </summary>
public sealed class StrategyRunner(IServiceScopeFactory scopes, IOptions<StrategyOptions> options, TimeProvider time, ILogger<StrategyRunner> logger)
    : BackgroundService
{
    private const int ClaimBatch = 20;

    /// <summary>Steps of one run failing in a row before it is stopped as <c>error</c> (a strategy that throws on a bar
    /// would throw again on every replay of it).</summary>
    private const int MaxConsecutiveFailures = 3;

    private readonly ConcurrentDictionary<Guid, ActiveRun> _runs = new();
    private readonly ConcurrentDictionary<Guid, int> _failures = new();

    /// <summary>This process's identity as a lease owner.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextRenewal = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                if (now >= nextRenewal)
                {
                    nextRenewal = now + options.Value.RenewInterval;
                    await RenewAndClaimAsync(stoppingToken);
                }

                foreach (var active in _runs.Values)
                {
                    if (active.Busy is { IsCompleted: false })
                    {
                        continue;
                    }

                    var feedNow = active.Source.Now(active);
                    if (feedNow == DateTimeOffset.MinValue && time.GetUtcNow() >= active.NextAttachAt)
                    {
                        active.NextAttachAt = time.GetUtcNow() + options.Value.LiveAttachRetry;
                        active.Busy = AttachAsync(active, stoppingToken);
                    }
                    else if (active.DueWindow(feedNow, active.Source.CatchUpWindows) is { } window)
                    {
                        active.Busy = DecideAsync(active, window, stoppingToken);
                    }
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                StrategyLog.PassFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_runs.Values.Select(r => r.Busy ?? Task.CompletedTask));
        foreach (var active in _runs.Values)
        {
            active.Source.Detach(active);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            await db.StrategyRuns.Where(r => r.OwnerId == InstanceId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.OwnerId, (Guid?)null).SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            StrategyLog.PassFailed(logger, exception); // the leases lapse on their own
        }
    }

    private async Task DecideAsync(ActiveRun active, DateTimeOffset window, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<StrategyStepProcessor>();
            if (!await processor.DecideAsync(active, InstanceId, window, cancellationToken))
            {
                Drop(active.Id);
            }

            _failures.TryRemove(active.Id, out _);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The strategy's in-memory state may be ahead of what was persisted: rebuild it from the steps (the lease is
            // still ours, so the next claim pass reloads it).
            StrategyLog.StepFailed(logger, exception, active.Id);
            _runs.TryRemove(active.Id, out _);
            if (_failures.AddOrUpdate(active.Id, 1, (_, count) => count + 1) >= MaxConsecutiveFailures)
            {
                _failures.TryRemove(active.Id, out _);
                await StopAsErrorAsync(active.Id, exception, cancellationToken);
            }
        }
    }

    /// <summary>The source had no clock for the run (e.g. the user's keys were missing when it was taken): try again.</summary>
    private async Task AttachAsync(ActiveRun active, CancellationToken cancellationToken)
    {
        try
        {
            await active.Source.AttachAsync(active, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            StrategyLog.PassFailed(logger, exception);
        }
    }

    private async Task StopAsErrorAsync(Guid runId, Exception exception, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            var stopper = scope.ServiceProvider.GetRequiredService<StrategyRunStopper>();
            await stopper.AskBrokersAsync(null, runId, null, InstanceId, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var run = (await db.StrategyRuns.FromSqlInterpolated($"SELECT * FROM execution.strategy_runs WHERE id = {runId} FOR UPDATE")
                .ToListAsync(cancellationToken)).SingleOrDefault();
            if (run is { Status: StrategyRunStatuses.Running } && run.OwnerId == InstanceId)
            {
                await stopper.StopAsync(run, StopReasons.Error, $"The strategy failed {MaxConsecutiveFailures} times in a row: {exception.Message}",
                    cancelOrders: true, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception stopFailure) when (!cancellationToken.IsCancellationRequested)
        {
            StrategyLog.PassFailed(logger, stopFailure);
        }
    }

    private async Task RenewAndClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        var now = time.GetUtcNow();
        var until = now + options.Value.LeaseDuration;
        var owned = await db.Database
            .SqlQuery<Guid>($"""
                UPDATE execution.strategy_runs SET lease_expires_at = {until}
                WHERE owner_id = {InstanceId} AND status = 'running'
                RETURNING id AS "Value"
                """)
            .ToListAsync(cancellationToken);
        foreach (var id in _runs.Keys.Except(owned))
        {
            Drop(id);
        }

        var claimed = await db.Database
            .SqlQuery<Guid>($"""
                UPDATE execution.strategy_runs SET owner_id = {InstanceId}, lease_expires_at = {until}
                WHERE id IN (
                    SELECT id FROM execution.strategy_runs
                    WHERE status = 'running' AND (owner_id IS NULL OR lease_expires_at < {now})
                    ORDER BY started_at
                    LIMIT {ClaimBatch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """)
            .ToListAsync(cancellationToken);
        foreach (var id in owned.Concat(claimed).Where(id => !_runs.ContainsKey(id)))
        {
            var loader = scope.ServiceProvider.GetRequiredService<StrategyRunLoader>();
            if (await loader.LoadAsync(id, InstanceId, cancellationToken) is { } active)
            {
                _runs[id] = active;
            }
        }
    }

    private void Drop(Guid runId)
    {
        if (_runs.TryRemove(runId, out var active))
        {
            active.Source.Detach(active);
            StrategyLog.Dropped(logger, runId);
        }
    }
}
