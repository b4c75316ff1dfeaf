using TradeNova.Execution.Exchange;
using TradeNova.Execution.Market;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Execution.Orders;

/// <summary>
/// Applies Risk's answer to an order still in <c>pending_risk</c> — accepted and handed to the broker (on the paper
/// exchange matched at once at the price right after its acceptance), or rejected with every reason — in one transaction
/// with its events. An order that has moved on (canceled meanwhile, or already
/// answered by an earlier attempt) is left as it is, so a late or repeated answer is a no-op.
/// </summary>
public sealed class OrderAcceptance(
    ExecutionDbContext db, OrderLedger ledger, BrokerRouter brokers, PaperExchange paper, ExchangeWakeup exchange, TimeProvider time)
{
    /// <param name="beforeCommit">Runs on the order just before the commit (the API stores its response there).</param>
    /// <param name="placed">The order as this context wrote it, when it still tracks it: it is then resolved without reading
    /// it again under a row lock, and its row version (xmin) makes the save fail if anything changed it meanwhile (a
    /// cancel), in which case the answer is applied as below, to the order as it now stands.</param>
    public async Task<Order?> ResolveAsync(
        Guid orderId, RiskAnswer answer, Action<Order>? beforeCommit, CancellationToken cancellationToken, Order? placed = null)
    {
        if (placed is not null && placed.Id == orderId && placed.Status == OrderStatuses.PendingRisk
            && db.Entry(placed).State == EntityState.Unchanged)
        {
            try
            {
                await using var optimistic = await db.Database.BeginTransactionAsync(cancellationToken);
                return await ApplyAsync(placed, answer, beforeCommit, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed since it was written: the transaction is rolled back; read it again, locked.
            }
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.LockOrderAsync(orderId, cancellationToken);
        if (order is null || order.Status != OrderStatuses.PendingRisk)
        {
            return order;
        }

        return await ApplyAsync(order, answer, beforeCommit, cancellationToken);
    }

    private async Task<Order> ApplyAsync(
        Order order, RiskAnswer answer, Action<Order>? beforeCommit, CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false; // a failed save abandons the transaction: no savepoint round trip
        // Changes are detected once, before the save: the ledger's looks at the context's local view would each scan
        // every tracked entity's properties for changes (as EF does by default), several times per order.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (!answer.Approved)
            {
                var violations = answer.Violations.Count > 0
                    ? answer.Violations
                    : [new TradeNova.Contracts.Risk.RiskViolation("risk.rejected", "Risk rejected the order.")];
                ledger.Transition(order, OrderStatuses.Rejected, string.Join(" ", violations.Select(v => v.Message)), [.. violations.Select(v => v.Code)]);
            }
            else
            {
                await AcceptAsync(order, answer, cancellationToken);
                if (order.Status == OrderStatuses.Accepted && order.Mode == TradingModes.Paper && order.SubmittedAt is not null)
                {
                    await paper.MatchAcceptedAsync(order, cancellationToken);
                }
            }

            beforeCommit?.Invoke(order);
            db.ChangeTracker.DetectChanges();
            // The commit rides in the save's round trip; a stale order (a cancel meanwhile) commits nothing and is refused.
            await db.SaveChangesAndCommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        if (OrderStatuses.Working.Contains(order.Status) && order.Mode == TradingModes.Paper)
        {
            exchange.Notify();
        }

        return order;
    }

    private async Task AcceptAsync(Order order, RiskAnswer answer, CancellationToken cancellationToken)
    {
        var broker = brokers.For(order.Mode);
        if (broker is null)
        {
            ledger.Transition(order, OrderStatuses.Rejected, $"No broker is connected for {order.Mode} trading.", [BrokerRouter.NotConnected]);
            return;
        }

        Order? replaced = null;
        if (order.ReplacesOrderId is { } replacedId)
        {
            replaced = await db.LockOrderAsync(replacedId, cancellationToken);
            if (replaced is null || !OrderStatuses.Working.Contains(replaced.Status))
            {
                ledger.Transition(order, OrderStatuses.Canceled, "The order it was to replace is no longer open.");
                return;
            }
        }

        var now = time.GetUtcNow();
        order.StopLossPrice = answer.StopLossPrice;
        order.TakeProfitPrice = answer.TakeProfitPrice;
        order.AcceptedAt = now;
        order.ExpiresAt = order.TimeInForce == TimesInForce.Day ? TradingSession.NextClose(now) : null;
        ledger.Transition(order, OrderStatuses.Accepted);
        if (replaced is not null && order.Mode == TradingModes.Live)
        {
            // Alpaca replaces in one step (PATCH): the old order keeps working, and may still fill, until Alpaca confirms.
            order.SubmittedAt = null;
            await broker.SubmitAsync(order, cancellationToken);
            return;
        }

        if (replaced is not null)
        {
            replaced.ReplacedByOrderId = order.Id;
            ledger.Transition(replaced, OrderStatuses.Replaced, $"Replaced by order {order.Id}.");
            await broker.CancelAsync(replaced, cancellationToken);
        }

        var ack = await broker.SubmitAsync(order, cancellationToken);
        if (ack.Accepted)
        {
            order.SubmittedAt = ack.Deferred ? null : time.GetUtcNow();
        }
        else
        {
            ledger.Transition(order, OrderStatuses.Rejected, ack.Message ?? "The broker refused the order.", [ack.Code ?? "broker.rejected"]);
        }
    }
}
