using TradeNova.Execution.Exchange;
using TradeNova.Execution.Orders;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Cancels a run's open orders through the same ledger and broker path as a user's cancel: one symbol's (the strategy's
/// <c>CancelOrders</c>, bracket legs included), or all its own orders when the run stops (legs stay: they protect the
/// position the run leaves). Brokers are asked before the transaction that locks the orders (<see cref="BrokerCancels"/>):
/// <see cref="CancelSymbolAsync"/> does it itself; a stop's caller calls <see cref="AskBrokersForEntriesAsync"/> before
/// its own transaction.
/// </summary>
public sealed class StrategyOrderCanceler(ExecutionDbContext db, OrderLedger ledger, BrokerCancels brokerCancels)
{
    /// <summary>The run's open orders of <paramref name="symbol"/>, except those whose key starts with <paramref name="keepPrefix"/> (the step's own).</summary>
    public async Task CancelSymbolAsync(StrategyRun run, string symbol, string keepPrefix, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (run.Account == TradingModes.Live)
        {
            var working = await BrokerCancels.WorkingLive(db.Orders)
                .Where(o => o.StrategyRunId == run.Id && o.Symbol == symbol)
                .ToListAsync(cancellationToken);
            await brokerCancels.AskAsync(working.Where(o => !Kept(o, keepPrefix)), cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = await LockOpenAsync(run.Id, symbol, cancellationToken);
        await CancelAsync(open.Where(o => !Kept(o, keepPrefix)), "Canceled by its strategy.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Before the transaction of a stop: asks the brokers to cancel the live entries (not bracket legs) working at them,
    /// of one running run (<paramref name="runId"/>, of <paramref name="userId"/> when given), or of every running run of
    /// <paramref name="userId"/> (of one account when given); only a run <paramref name="ownerId"/> holds, when given.
    /// <see cref="CancelEntriesAsync"/> then uses the answers.
    /// </summary>
    public async Task AskBrokersForEntriesAsync(Guid? userId, Guid? runId, string? account, Guid? ownerId, CancellationToken cancellationToken)
    {
        if (userId is null && runId is null)
            throw new ArgumentException("A user or a run is required.", nameof(runId));
        var runs = db.StrategyRuns.Where(r => r.Status == StrategyRunStatuses.Running && r.Account == TradingModes.Live);
        if (runId is { } id)
            runs = runs.Where(r => r.Id == id);
        if (userId is { } user)
            runs = runs.Where(r => r.UserId == user);
        if (account is not null)
            runs = runs.Where(r => r.Account == account);
        if (ownerId is { } owner)
            runs = runs.Where(r => r.OwnerId == owner);
        var working = await BrokerCancels.WorkingLive(db.Orders)
            .Where(o => o.BracketLeg == null && runs.Any(r => r.Id == o.StrategyRunId))
            .ToListAsync(cancellationToken);
        await brokerCancels.AskAsync(working, cancellationToken);
    }

    /// <summary>Within the caller's transaction: the run's own open orders (not bracket legs).</summary>
    public async Task CancelEntriesAsync(Guid runId, string reason, CancellationToken cancellationToken)
    {
        var open = await LockOpenAsync(runId, null, cancellationToken);
        await CancelAsync(open.Where(o => o.BracketLeg is null), reason, cancellationToken);
    }

    private static bool Kept(Order order, string keepPrefix) =>
        order.IdempotencyKey is not null && order.IdempotencyKey.StartsWith(keepPrefix, StringComparison.Ordinal);

    private async Task CancelAsync(IEnumerable<Order> orders, string reason, CancellationToken cancellationToken)
    {
        foreach (var order in orders)
        {
            if (await brokerCancels.CancelAsync(order, cancellationToken) is { Accepted: false })
            {
                continue;
            }

            ledger.Transition(order, OrderStatuses.Canceled, reason);
        }
    }

    private Task<List<Order>> LockOpenAsync(Guid runId, string? symbol, CancellationToken cancellationToken) =>
        (symbol is null
            ? db.Orders.FromSqlInterpolated($"""
                SELECT o.*, o.xmin FROM execution.orders o
                WHERE o.strategy_run_id = {runId} AND o.status IN ('pending_risk', 'accepted', 'partially_filled')
                ORDER BY o.created_at, o.id
                FOR UPDATE
                """)
            : db.Orders.FromSqlInterpolated($"""
                SELECT o.*, o.xmin FROM execution.orders o
                WHERE o.strategy_run_id = {runId} AND o.status IN ('pending_risk', 'accepted', 'partially_filled') AND o.symbol = {symbol}
                ORDER BY o.created_at, o.id
                FOR UPDATE
                """))
            .ToListAsync(cancellationToken);
}
