namespace TradeNova.Execution.Orders;

public static class OrderLocks
{
    /// <summary>
    /// Reads an order under a row lock (<c>FOR UPDATE</c>) in the caller's transaction: the exchange worker, a cancel
    /// and a Risk answer on the same order serialise here, and each sees the other's committed result.
    /// </summary>
    public static async Task<Order?> LockOrderAsync(this ExecutionDbContext db, Guid orderId, CancellationToken cancellationToken)
    {
        var rows = await db.Orders
            .FromSqlInterpolated($"SELECT o.*, o.xmin FROM execution.orders o WHERE o.id = {orderId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    /// <summary>The user's open orders under row locks (a deactivated subscription cancels them all).</summary>
    public static Task<List<Order>> LockOpenOrdersAsync(this ExecutionDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Orders
            .FromSqlInterpolated($"""
                SELECT o.*, o.xmin FROM execution.orders o
                WHERE o.user_id = {userId} AND o.status IN ('pending_risk', 'accepted', 'partially_filled')
                ORDER BY o.created_at, o.id
                FOR UPDATE
                """)
            .ToListAsync(cancellationToken);
}
