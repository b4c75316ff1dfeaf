using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TradeNova.Execution.Market;
using TradeNova.Execution.Orders;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Execution.Exchange;

/// <summary>
/// One pass of the paper exchange: claims the working orders the current prices can move (<c>FOR UPDATE SKIP LOCKED</c>,
/// so several instances never touch the same order at once and an order is never filled twice), lets
/// <see cref="PaperMatcher"/> decide, and writes fills, transitions and events in one transaction.
/// </summary>
public sealed class PaperExchange(
    ExecutionDbContext db,
    OrderLedger ledger,
    PriceSimulator prices,
    RestingOrderBounds bounds,
    IOptions<PaperExchangeOptions> options,
    TimeProvider time)
{
    // Only the orders these prices can move, each kind found through its own partial index (an order book of resting
    // bracket legs grows with every position; a pass must not read all of it 20 times a second). The WHERE clauses only
    // narrow the candidates; PaperMatcher has the last word. The ids come as an array so the outer rows are read by
    // primary key: as an IN (subquery) the planner hashed them against a scan of the whole orders table.
    private const string CandidatesSql = """
        SELECT o.*, o.xmin FROM execution.orders o
        WHERE o.id = ANY(ARRAY(
            SELECT i.id FROM execution.orders i
            WHERE i.status IN ('accepted', 'partially_filled') AND i.mode = 'paper'
              AND (i.type = 'market' OR i.time_in_force IN ('ioc', 'fok') OR (i.type = 'stop' AND i.stop_triggered))
            UNION ALL
            SELECT c.id FROM unnest(@symbols, @prices) AS q(symbol, price)
            CROSS JOIN LATERAL (
                SELECT l.id FROM execution.orders l
                WHERE l.symbol = q.symbol AND l.side = 'buy' AND l.limit_price >= q.price
                  AND l.status IN ('accepted', 'partially_filled') AND l.mode = 'paper' AND l.limit_price IS NOT NULL
                  AND (l.type = 'limit' OR (l.type = 'stop_limit' AND l.stop_triggered))
                LIMIT @batch) c
            UNION ALL
            SELECT c.id FROM unnest(@symbols, @prices) AS q(symbol, price)
            CROSS JOIN LATERAL (
                SELECT l.id FROM execution.orders l
                WHERE l.symbol = q.symbol AND l.side = 'sell' AND l.limit_price <= q.price
                  AND l.status IN ('accepted', 'partially_filled') AND l.mode = 'paper' AND l.limit_price IS NOT NULL
                  AND (l.type = 'limit' OR (l.type = 'stop_limit' AND l.stop_triggered))
                LIMIT @batch) c
            UNION ALL
            SELECT c.id FROM unnest(@symbols, @prices) AS q(symbol, price)
            CROSS JOIN LATERAL (
                SELECT s.id FROM execution.orders s
                WHERE s.symbol = q.symbol AND s.side = 'buy' AND s.stop_price <= q.price
                  AND s.status IN ('accepted', 'partially_filled') AND s.mode = 'paper' AND s.stop_price IS NOT NULL
                  AND NOT s.stop_triggered AND s.type IN ('stop', 'stop_limit')
                LIMIT @batch) c
            UNION ALL
            SELECT c.id FROM unnest(@symbols, @prices) AS q(symbol, price)
            CROSS JOIN LATERAL (
                SELECT s.id FROM execution.orders s
                WHERE s.symbol = q.symbol AND s.side = 'sell' AND s.stop_price >= q.price
                  AND s.status IN ('accepted', 'partially_filled') AND s.mode = 'paper' AND s.stop_price IS NOT NULL
                  AND NOT s.stop_triggered AND s.type IN ('stop', 'stop_limit')
                LIMIT @batch) c))
          AND o.status IN ('accepted', 'partially_filled') AND o.submitted_at IS NOT NULL AND o.accepted_at < @tick AND o.mode = 'paper'
        ORDER BY (o.bracket_leg = 'stop_loss') DESC NULLS LAST, o.accepted_at, o.id
        LIMIT @batch
        FOR UPDATE OF o SKIP LOCKED
        """;

    private const string ExpiringSql = """
        SELECT o.*, o.xmin FROM execution.orders o
        WHERE o.status IN ('accepted', 'partially_filled') AND o.expires_at <= @now AND o.mode = 'paper'
        ORDER BY o.expires_at, o.id
        LIMIT @batch
        FOR UPDATE SKIP LOCKED
        """;

    // The bounds of the book (RestingOrderBounds): per symbol, the highest resting buy limit, the lowest sell limit, the
    // lowest buy stop and the highest sell stop, each the first entry of its partial index; and whether anything trades
    // at any price. Wider than the candidates' conditions (every limit price, triggered or not), never narrower.
    private const string BoundsSql = """
        SELECT q.symbol,
          (SELECT l.limit_price FROM execution.orders l
           WHERE l.symbol = q.symbol AND l.side = 'buy' AND l.status IN ('accepted', 'partially_filled') AND l.mode = 'paper'
             AND l.limit_price IS NOT NULL ORDER BY l.limit_price DESC LIMIT 1),
          (SELECT l.limit_price FROM execution.orders l
           WHERE l.symbol = q.symbol AND l.side = 'sell' AND l.status IN ('accepted', 'partially_filled') AND l.mode = 'paper'
             AND l.limit_price IS NOT NULL ORDER BY l.limit_price LIMIT 1),
          (SELECT s.stop_price FROM execution.orders s
           WHERE s.symbol = q.symbol AND s.side = 'buy' AND s.status IN ('accepted', 'partially_filled') AND s.mode = 'paper'
             AND s.stop_price IS NOT NULL AND NOT s.stop_triggered ORDER BY s.stop_price LIMIT 1),
          (SELECT s.stop_price FROM execution.orders s
           WHERE s.symbol = q.symbol AND s.side = 'sell' AND s.status IN ('accepted', 'partially_filled') AND s.mode = 'paper'
             AND s.stop_price IS NOT NULL AND NOT s.stop_triggered ORDER BY s.stop_price DESC LIMIT 1),
          (SELECT EXISTS (SELECT 1 FROM execution.orders i
           WHERE i.status IN ('accepted', 'partially_filled') AND i.mode = 'paper'
             AND (i.type = 'market' OR i.time_in_force IN ('ioc', 'fok') OR (i.type = 'stop' AND i.stop_triggered))))
        FROM unnest($1) AS q(symbol)
        """;

    private readonly PaperCosts _costs = PaperCosts.From(options.Value);

    /// <summary>
    /// Matches at the prices of instant <paramref name="at"/>; returns how many orders changed. Unless
    /// <paramref name="woken"/> (an order was just accepted here), a pass whose prices reach no resting order's limit or
    /// stop and finds nothing that trades at any price (<see cref="RestingOrderBounds"/>) ends without a query.
    /// </summary>
    public async Task<int> RunTickAsync(DateTimeOffset at, bool woken, CancellationToken cancellationToken)
    {
        var ticks = new Tick[SymbolUniverse.Count];
        var symbols = new string[ticks.Length];
        var lastPrices = new decimal[ticks.Length];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = new Tick(prices.PriceAt(i, at), prices.QuoteSizeAt(i, at), at);
            symbols[i] = SymbolUniverse.All[i].Symbol;
            lastPrices[i] = ticks[i].Price;
        }

        if (bounds.IsStale(options.Value.BoundsRefreshInterval))
        {
            await RefreshBoundsAsync(symbols, cancellationToken);
        }

        if (!woken && !bounds.AnyReached(lastPrices))
        {
            return 0;
        }

        // A pass tracks up to a batch of orders and their legs; scanning all of them for changes at every lookup of the
        // local view (as EF does by default) made a pass quadratic. Changes are detected once, before the save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await MatchAsync(at, ticks, symbols, lastPrices, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private async Task<int> MatchAsync(DateTimeOffset at, Tick[] ticks, string[] symbols, decimal[] lastPrices, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false; // a failed save abandons the transaction: no savepoint round trip
        var candidates = await db.Orders.FromSqlRaw(CandidatesSql,
                new NpgsqlParameter("symbols", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = symbols },
                new NpgsqlParameter("prices", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = lastPrices },
                new NpgsqlParameter("tick", at),
                new NpgsqlParameter("batch", options.Value.BatchSize))
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var order in candidates)
        {
            // A leg canceled earlier in this pass (one cancels other) is no longer working.
            if (!OrderStatuses.Working.Contains(order.Status) || !SymbolUniverse.TryGetIndex(order.Symbol, out var index))
            {
                continue;
            }

            if (await ApplyAsync(order, ticks[index], cancellationToken))
            {
                changed++;
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAndCommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// An order just accepted meets the price prevailing right after its acceptance inside the accepting transaction,
    /// which holds its row lock (no pass can claim it meanwhile): what trades at once fills without waiting for a pass,
    /// the rest rests for the passes. Same matcher, same costs. Returns whether the order changed.
    /// </summary>
    public async Task<bool> MatchAcceptedAsync(Order order, CancellationToken cancellationToken)
    {
        if (!SymbolUniverse.TryGetIndex(order.Symbol, out var index))
        {
            return false;
        }

        var at = time.GetUtcNow();
        if (order.AcceptedAt is { } accepted && at <= accepted)
        {
            at = accepted.AddTicks(1);
        }

        return await ApplyAsync(order, new Tick(prices.PriceAt(index, at), prices.QuoteSizeAt(index, at), at), cancellationToken);
    }

    /// <summary>Reads the book's bounds again: one statement, outside any transaction.</summary>
    private async Task RefreshBoundsAsync(string[] symbols, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var book = new List<RestingOrder>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = BoundsSql;
            command.Parameters.Add(new NpgsqlParameter { Value = symbols, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!SymbolUniverse.TryGetIndex(reader.GetString(0), out var index))
                {
                    continue;
                }

                decimal? Price(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);
                book.Add(new RestingOrder(index, Buy: true, Price(1), Price(3), Immediate: false));
                book.Add(new RestingOrder(index, Buy: false, Price(2), Price(4), Immediate: reader.GetBoolean(5)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        bounds.Replace(startedAt, book);
    }

    /// <summary>Day orders still working at their session end expire.</summary>
    public async Task<int> ExpireDayOrdersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var expiring = await db.Orders.FromSqlRaw(ExpiringSql, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", options.Value.BatchSize))
            .ToListAsync(cancellationToken);
        foreach (var order in expiring)
        {
            ledger.Transition(order, OrderStatuses.Expired, $"Day order expired at the session end ({order.ExpiresAt:u}).");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expiring.Count;
    }

    private async Task<bool> ApplyAsync(Order order, Tick tick, CancellationToken cancellationToken)
    {
        var decision = PaperMatcher.Match(WorkingOrder.From(order), tick, _costs);
        var changed = decision.StopTriggered != order.StopTriggered;
        order.StopTriggered = decision.StopTriggered;
        if (changed)
        {
            bounds.Widen(order); // triggered: a stop now trades at any price, a stop limit at its limit
        }

        if (decision.Reject)
        {
            ledger.Transition(order, OrderStatuses.Rejected, decision.Reason, [OrderLedger.BrokerNotionalTooSmall]);
            return true;
        }

        if (decision.ResolvedQuantity is { } resolved)
        {
            order.Quantity = resolved;
        }

        if (decision.Fills)
        {
            await ledger.FillAsync(order, decision.FillQuantity, decision.FillPrice, decision.Fee, cancellationToken);
            changed = true;
        }

        if (decision.CancelRemainder && OrderStatuses.IsOpen(order.Status))
        {
            ledger.Transition(order, OrderStatuses.Canceled, decision.Reason);
            changed = true;
        }

        return changed;
    }
}
