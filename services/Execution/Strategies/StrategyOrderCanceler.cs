using TradeNova.Execution.Exchange;
using TradeNova.Execution.Orders;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Cancels a run's open orders through the same ledger and broker path as a user's cancel: one symbol's (the strategy's
/// <c>CancelOrders</c>, bracket legs included), or all its own orders when the run stops (legs stay: they protect the
/// position the run leaves).
/// </summary>
public sealed class StrategyOrderCanceler(ExecutionDbContext db, OrderLedger ledger, BrokerRouter brokers)
{
    /// <summary>The run's open orders of <paramref name="symbol"/>, except those whose key starts with <paramref name="keepPrefix"/> (the step's own).</summary>
    public async Task CancelSymbolAsync(Guid runId, string symbol, string keepPrefix, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = await LockOpenAsync(runId, symbol, cancellationToken);
        await CancelAsync(open.Where(o => o.IdempotencyKey is null || !o.IdempotencyKey.StartsWith(keepPrefix, StringComparison.Ordinal)),
            "Canceled by its strategy.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Within the caller's transaction: the run's own open orders (not bracket legs).</summary>
    public async Task CancelEntriesAsync(Guid runId, string reason, CancellationToken cancellationToken)
    {
        var open = await LockOpenAsync(runId, null, cancellationToken);
        await CancelAsync(open.Where(o => o.BracketLeg is null), reason, cancellationToken);
    }

    private async Task CancelAsync(IEnumerable<Order> orders, string reason, CancellationToken cancellationToken)
    {
        foreach (var order in orders)
        {
            if (OrderStatuses.Working.Contains(order.Status) && brokers.For(order.Mode) is { } broker)
            {
                var ack = await broker.CancelAsync(order, cancellationToken);
                if (!ack.Accepted)
                {
                    continue;
                }
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
