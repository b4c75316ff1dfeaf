using Microsoft.EntityFrameworkCore;

namespace TradeNova.Backtest.Jobs;

/// <summary>The job row's state machine as single SQL statements, so two workers (or a worker and a user cancelling)
/// can never both win a transition.</summary>
public sealed class JobStore(BacktestContext db, TimeProvider time)
{
    /// <summary>How long a running job's heartbeat may be silent before a redelivered message may take it over.</summary>
    public static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Claims the job for a new run: from queued, or from running when its holder has gone silent (its process
    /// died and RabbitMQ redelivered the message). Returns false for a finished, cancelled, deleted or live job.</summary>
    public async Task<bool> TryClaimAsync(Guid id, Guid runToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await db.Jobs
            .Where(j => j.Id == id && (j.Status == BacktestJobStatus.Queued
                || (j.Status == BacktestJobStatus.Running && (j.HeartbeatAt == null || j.HeartbeatAt < now - LeaseTimeout))))
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Status, BacktestJobStatus.Running)
                .SetProperty(j => j.RunToken, runToken)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now)
                .SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.Progress, 0.0), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Records progress and renews the lease; false when the run no longer holds the job or the user asked
    /// to cancel it (either way the run should stop).</summary>
    public async Task<bool> HeartbeatAsync(Guid id, Guid runToken, double progress, double? etaSeconds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await db.Jobs
            .Where(j => j.Id == id && j.RunToken == runToken && j.Status == BacktestJobStatus.Running && !j.CancelRequested)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Progress, progress)
                .SetProperty(j => j.EtaSeconds, etaSeconds)
                .SetProperty(j => j.HeartbeatAt, now), cancellationToken);
        return updated == 1;
    }

    /// <summary>The job row locked for the final transition, if this run still holds it.</summary>
    public async Task<BacktestJob?> LockHeldAsync(Guid id, Guid runToken, CancellationToken cancellationToken)
    {
        var job = await db.Jobs
            .FromSql($"SELECT * FROM backtest.jobs WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        return job is { Status: BacktestJobStatus.Running } && job.RunToken == runToken ? job : null;
    }
}
