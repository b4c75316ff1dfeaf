namespace TradeNova.Execution.Strategies;

/// <summary>
/// Stops runs inside the caller's transaction (the API's, or a consumer's inbox transaction): status, reason, time, and
/// the lease released, so the owning instance drops the run at its next renewal and no step commits after this one
/// (a step's commit requires the run to be running). The run's pending entries are canceled when asked.
/// </summary>
public sealed class StrategyRunStopper(ExecutionDbContext db, StrategyOrderCanceler canceler, TimeProvider time)
{
    /// <summary>The user's running runs (of one account, or all), locked.</summary>
    public Task<List<StrategyRun>> LockRunningAsync(Guid userId, string? account, CancellationToken cancellationToken) =>
        (account is null
            ? db.StrategyRuns.FromSqlInterpolated($"SELECT * FROM execution.strategy_runs WHERE user_id = {userId} AND status = 'running' FOR UPDATE")
            : db.StrategyRuns.FromSqlInterpolated(
                $"SELECT * FROM execution.strategy_runs WHERE user_id = {userId} AND status = 'running' AND account = {account} FOR UPDATE"))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Call before the transaction that stops: asks the brokers to cancel the live entries a stop with
    /// <c>cancelOrders</c> cancels (see <see cref="StrategyOrderCanceler.AskBrokersForEntriesAsync"/>), so that no call to
    /// Alpaca happens while the run and its orders are locked.
    /// </summary>
    public Task AskBrokersAsync(Guid? userId, Guid? runId, string? account, Guid? ownerId, CancellationToken cancellationToken) =>
        canceler.AskBrokersForEntriesAsync(userId, runId, account, ownerId, cancellationToken);

    public async Task StopAsync(StrategyRun run, string reason, string? detail, bool cancelOrders, CancellationToken cancellationToken)
    {
        run.Status = StrategyRunStatuses.Stopped;
        run.StopReason = reason;
        run.StopDetail = detail is { Length: > 500 } ? detail[..500] : detail;
        run.StoppedAt = time.GetUtcNow();
        run.OwnerId = null;
        run.LeaseExpiresAt = null;
        if (cancelOrders)
        {
            await canceler.CancelEntriesAsync(run.Id, $"Strategy stopped ({reason}).", cancellationToken);
        }
    }
}
