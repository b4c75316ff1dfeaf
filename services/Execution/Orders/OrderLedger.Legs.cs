using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TradeNova.Execution.Orders;

/// <summary>A fill's position and bracket legs, read and locked in one round trip.</summary>
public sealed partial class OrderLedger
{
    /// <summary>
    /// Adds the fill to the service's own net position and locks the open legs this fill can touch, in one round trip (two
    /// commands in one batch: the second sees the first's position): its own legs (when it is a parent) and its siblings
    /// (when it is a leg), and the user's other legs on the symbol only where the new position makes them stale (flat, or
    /// on the other side), so a fill does not load every bracket of a position built from many orders.
    /// </summary>
    private async Task<(decimal Position, List<Order> Legs)> AddToPositionAndLockLegsAsync(
        Order filled, decimal delta, CancellationToken cancellationToken)
    {
        var (userId, symbol) = (filled.UserId, filled.Symbol);
        // Locked by id first, in plain commands: most fills touch no leg (a first buy, a position that stays on its side),
        // and an EF query that finds nothing still costs its whole pipeline. The legs found are then read as entities.
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PositionSql)
        {
            Parameters = { new() { Value = userId }, new() { Value = symbol }, new() { Value = delta } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(OpenLegsSql)
        {
            Parameters = { new() { Value = userId }, new() { Value = symbol }, new() { Value = filled.ParentOrderId ?? filled.Id } },
        });
        decimal position;
        var ids = new List<Guid>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            position = reader.GetDecimal(0);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        var stored = ids.Count == 0
            ? []
            : await db.Orders.FromSqlInterpolated($"SELECT o.*, o.xmin FROM execution.orders o WHERE o.id = ANY({ids.ToArray()})")
                .ToListAsync(cancellationToken);
        var added = db.Orders.Local.Where(o => o.UserId == userId && o.Symbol == symbol && o.BracketLeg is not null
                                               && OrderStatuses.IsOpen(o.Status) && db.Entry(o).State == EntityState.Added);
        return (position, [.. stored.Concat(added).DistinctBy(o => o.Id)]);
    }

    private const string PositionSql = """
        INSERT INTO execution.executed_positions (user_id, symbol, quantity) VALUES ($1, $2, $3)
        ON CONFLICT (user_id, symbol) DO UPDATE SET quantity = executed_positions.quantity + excluded.quantity
        RETURNING quantity
        """;

    /// <summary>
    /// Index ranges only: the user's open legs on the symbol on each side the new position (as the batch's first command
    /// left it) makes stale: both when flat, the buy legs of a long, the sell legs of a short (ix_orders_open_legs, one
    /// side per range so the side is part of the index condition; a side the position rules out is null and matches
    /// nothing); and the family's own legs (ix_orders_parent_order_id).
    /// </summary>
    private const string OpenLegsSql = """
        SELECT o.id FROM execution.orders o
        WHERE o.id = ANY(ARRAY(
            SELECT l.id FROM execution.orders l
            WHERE l.user_id = $1 AND l.symbol = $2
              AND l.side = (SELECT 'buy' FROM execution.executed_positions p WHERE p.user_id = $1 AND p.symbol = $2 AND p.quantity >= 0)
              AND l.bracket_leg IS NOT NULL AND l.status IN ('accepted', 'partially_filled')
            UNION ALL
            SELECT l.id FROM execution.orders l
            WHERE l.user_id = $1 AND l.symbol = $2
              AND l.side = (SELECT 'sell' FROM execution.executed_positions p WHERE p.user_id = $1 AND p.symbol = $2 AND p.quantity <= 0)
              AND l.bracket_leg IS NOT NULL AND l.status IN ('accepted', 'partially_filled')
            UNION ALL
            SELECT l.id FROM execution.orders l
            WHERE l.parent_order_id = $3 AND l.bracket_leg IS NOT NULL AND l.status IN ('accepted', 'partially_filled')))
          AND o.bracket_leg IS NOT NULL AND o.status IN ('accepted', 'partially_filled')
        FOR UPDATE
        """;
}
