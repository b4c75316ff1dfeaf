using Microsoft.Extensions.Options;
using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.Reconciliation;
using TradeNova.Execution.Orders;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>
/// Applies what Alpaca says about a live order to the orders table, through <see cref="OrderLedger"/> (fill rows,
/// OrderFilled and OrderUpdated in the outbox, exactly as paper fills). Every change happens under the order's row lock
/// and is re-measured against the locked row: a correction computed from an older read (a second stream, the submitter,
/// a repeated event) applies only what Alpaca's cumulative filled quantity still exceeds, so a fill lands once.
/// </summary>
public sealed partial class AlpacaOrderUpdater(
    ExecutionDbContext db, OrderLedger ledger, IOptions<AlpacaOptions> options, TimeProvider time, ILogger<AlpacaOrderUpdater> logger)
{
    public async Task<LocalOrderState?> FindAsync(Guid userId, string clientOrderId, string? brokerOrderId, CancellationToken cancellationToken)
    {
        var own = (await StatesAsync(db.Orders.Where(o => o.UserId == userId && o.ClientOrderId == clientOrderId), cancellationToken)).FirstOrDefault();
        if (own is not null || brokerOrderId is null)
        {
            return own;
        }

        // A bracket leg: Alpaca gives it a client_order_id of its own, so it is known by Alpaca's id, recorded on the leg's
        // link once matched, and on the parent's link from the moment Alpaca reported the bracket.
        var links = db.Set<AlpacaOrderLink>();
        var legs = db.Orders.Where(o => o.UserId == userId && o.BracketLeg != null
                                        && (links.Any(l => l.OrderId == o.Id && l.BrokerOrderId == brokerOrderId)
                                            || links.Any(l => l.OrderId == o.ParentOrderId
                                                              && ((o.BracketLeg == BracketLegs.TakeProfit && l.TakeProfitBrokerOrderId == brokerOrderId)
                                                                  || (o.BracketLeg == BracketLegs.StopLoss && l.StopLossBrokerOrderId == brokerOrderId)))));
        return (await StatesAsync(legs, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Records Alpaca's ids of the legs it holds for the order (by type: the limit leg takes profit, the stop leg stops the loss).</summary>
    public async Task RecordLegsAsync(Guid userId, string clientOrderId, IReadOnlyList<AlpacaOrder> legs, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var order = await db.Orders.FirstOrDefaultAsync(o => o.UserId == userId && o.ClientOrderId == clientOrderId && o.Mode == TradingModes.Live, cancellationToken);
        if (order is not null && RecordLegs(await LinkAsync(order, cancellationToken), legs))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Sets the link's leg ids from Alpaca's <c>legs</c>; true when anything changed.</summary>
    public bool RecordLegs(AlpacaOrderLink link, IReadOnlyList<AlpacaOrder>? legs)
    {
        var changed = false;
        foreach (var leg in legs ?? [])
        {
            if (leg.Type == OrderTypes.Limit && link.TakeProfitBrokerOrderId != leg.Id)
            {
                link.TakeProfitBrokerOrderId = leg.Id;
                changed = true;
            }
            else if (leg.Type is OrderTypes.Stop or OrderTypes.StopLimit && link.StopLossBrokerOrderId != leg.Id)
            {
                link.StopLossBrokerOrderId = leg.Id;
                changed = true;
            }
        }

        if (changed)
        {
            link.UpdatedAt = time.GetUtcNow();
        }

        return changed;
    }

    /// <summary>The user's live orders Alpaca has acknowledged that may still change (<see cref="WatchedLiveOrders"/>):
    /// the ones to look up after a (re)connect.</summary>
    public Task<List<LocalOrderState>> OpenAsync(Guid userId, CancellationToken cancellationToken) =>
        StatesAsync(db.Orders.Where(o => o.UserId == userId).Where(WatchedLiveOrders.Since(time.GetUtcNow() - options.Value.SettleWindow)),
            cancellationToken);

    public async Task ApplyAsync(Guid userId, OrderCorrection correction, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await db.Orders.AsNoTracking()
            .Where(o => o.UserId == userId && o.ClientOrderId == correction.ClientOrderId && o.Mode == TradingModes.Live)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null || await db.LockOrderAsync(id.Value, cancellationToken) is not { } order)
        {
            return;
        }

        await ApplyLockedAsync(order, correction, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The order's link row, tracked (added when missing).</summary>
    public async Task<AlpacaOrderLink> LinkAsync(Order order, CancellationToken cancellationToken)
    {
        var link = await db.Set<AlpacaOrderLink>().FindAsync([order.Id], cancellationToken);
        if (link is null)
        {
            link = new AlpacaOrderLink { OrderId = order.Id, UserId = order.UserId, ClientOrderId = order.ClientOrderId, UpdatedAt = time.GetUtcNow() };
            db.Set<AlpacaOrderLink>().Add(link);
        }

        return link;
    }

    /// <summary>Applies <paramref name="correction"/> to <paramref name="order"/>, which the caller holds locked in its transaction.</summary>
    public async Task ApplyLockedAsync(Order order, OrderCorrection correction, CancellationToken cancellationToken)
    {
        var link = await LinkAsync(order, cancellationToken);
        link.UpdatedAt = time.GetUtcNow();
        if (correction.BrokerOrderId is { } brokerOrderId)
        {
            link.BrokerOrderId = brokerOrderId;
        }

        if (correction.Discrepancy != OrderCorrection.UnknownAtBroker && order.SubmittedAt is null && OrderStatuses.IsOpen(order.Status))
        {
            order.SubmittedAt = time.GetUtcNow(); // Alpaca knows the order: it is acknowledged, whoever sent it
        }

        var missing = correction.BrokerFilledQuantity - order.FilledQuantity;
        var reopened = false;
        if (correction.Fill is { } fill && missing > 0m)
        {
            if (order.Status is OrderStatuses.Canceled or OrderStatuses.Expired or OrderStatuses.Replaced)
            {
                // Alpaca filled it before the cancel, expiry or replace took effect there. The broker's account is the truth:
                // the fill counts, and the order returns to its final status unless the fill completed it.
                var final = order.Status;
                reopened = true;
                ledger.Reopen(order, $"Alpaca filled {missing} before the order was {final} there.");
                await ledger.FillAsync(order, missing, fill.Price, 0m, cancellationToken);
                if (order.Status != OrderStatuses.Filled)
                {
                    ledger.Transition(order, final, $"Alpaca reports the order {final} after its last fill.");
                }
            }
            else if (OrderStatuses.IsFinal(order.Status))
            {
                Flag(link, order, "fill_after_final");
            }
            else
            {
                if (order.Quantity is null && correction.NewStatus == OrderStatuses.Filled)
                {
                    order.Quantity = correction.BrokerFilledQuantity; // a notional order resolves to what Alpaca filled
                }

                await ledger.FillAsync(order, missing, fill.Price, 0m, cancellationToken);
            }
        }

        // Fills move the order to partially_filled/filled themselves; the other news are transitions of their own.
        if (correction.NewStatus is { } status && status != order.Status
            && status is not (OrderStatuses.Filled or OrderStatuses.PartiallyFilled or OrderStatuses.Accepted)
            && OrderStatuses.CanTransition(order.Status, status))
        {
            ledger.Transition(order, status, $"Alpaca reports the order {status}.",
                status == OrderStatuses.Rejected ? [AlpacaReasonCodes.Rejected] : null);
        }

        if (correction.Discrepancy is { } discrepancy && !(reopened && discrepancy == OrderCorrection.FinalStatusDiffers))
        {
            Flag(link, order, discrepancy);
        }
    }

    private void Flag(AlpacaOrderLink link, Order order, string discrepancy)
    {
        link.Discrepancy = discrepancy;
        LogDiscrepancy(order.Id, order.ClientOrderId, discrepancy, order.Status);
    }

    private async Task<List<LocalOrderState>> StatesAsync(IQueryable<Order> orders, CancellationToken cancellationToken) =>
        await (from o in orders.AsNoTracking().Where(o => o.Mode == TradingModes.Live)
               join l in db.Set<AlpacaOrderLink>().AsNoTracking() on o.Id equals l.OrderId into links
               from l in links.DefaultIfEmpty()
               join p in db.Set<AlpacaOrderLink>().AsNoTracking() on o.ParentOrderId equals (Guid?)p.OrderId into parents
               from p in parents.DefaultIfEmpty()
               orderby o.CreatedAt
               select new LocalOrderState(
                   o.ClientOrderId, o.Status, o.FilledQuantity, o.FilledValue,
                   l != null && l.BrokerOrderId != null ? l.BrokerOrderId
                   : p == null ? null
                   : o.BracketLeg == BracketLegs.TakeProfit ? p.TakeProfitBrokerOrderId
                   : o.BracketLeg == BracketLegs.StopLoss ? p.StopLossBrokerOrderId : null,
                   o.BracketLeg != null))
            .ToListAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live order {OrderId} ({ClientOrderId}) disagrees with Alpaca: {Discrepancy} (local status {Status})")]
    private partial void LogDiscrepancy(Guid orderId, string clientOrderId, string discrepancy, string status);
}
