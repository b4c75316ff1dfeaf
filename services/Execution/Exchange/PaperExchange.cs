using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TradeNova.Execution.Market;
using TradeNova.Execution.Orders;

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
    IOptions<PaperExchangeOptions> options)
{
    // The WHERE clause only narrows the candidates to what could trade at these prices; PaperMatcher has the last word.
    private const string CandidatesSql = """
        SELECT o.*, o.xmin FROM execution.orders o
        JOIN unnest(@symbols, @prices) AS q(symbol, price) ON q.symbol = o.symbol
        WHERE o.status IN ('accepted', 'partially_filled') AND o.submitted_at IS NOT NULL AND o.accepted_at < @tick AND o.mode = 'paper'
          AND (o.type = 'market' OR o.time_in_force IN ('ioc', 'fok')
            OR (o.type = 'limit' AND ((o.side = 'buy' AND q.price <= o.limit_price) OR (o.side = 'sell' AND q.price >= o.limit_price)))
            OR (o.type = 'stop' AND (o.stop_triggered OR (o.side = 'buy' AND q.price >= o.stop_price) OR (o.side = 'sell' AND q.price <= o.stop_price)))
            OR (o.type = 'stop_limit' AND NOT o.stop_triggered AND ((o.side = 'buy' AND q.price >= o.stop_price) OR (o.side = 'sell' AND q.price <= o.stop_price)))
            OR (o.type = 'stop_limit' AND o.stop_triggered AND ((o.side = 'buy' AND q.price <= o.limit_price) OR (o.side = 'sell' AND q.price >= o.limit_price))))
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

    private readonly PaperCosts _costs = PaperCosts.From(options.Value);

    /// <summary>Matches at the prices of instant <paramref name="at"/>; returns how many orders changed.</summary>
    public async Task<int> RunTickAsync(DateTimeOffset at, CancellationToken cancellationToken)
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
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
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
