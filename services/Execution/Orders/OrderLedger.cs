using TradeNova.Contracts.Execution;
using TradeNova.Execution.Exchange;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Execution.Orders;

/// <summary>
/// Stages every change of an order with its event row and its outbox messages on the same context, so the caller's
/// one <c>SaveChanges</c>/commit writes the state, the history and the events together (or none of them). Every
/// transition is a history row, but an order gets one <c>OrderUpdated</c> per save, with its state at that save
/// (accepted and filled in one transaction are one update saying filled), staged as the save begins; one user's orders
/// changed in the same save travel together as one <c>OrdersUpdated</c> (a fill and the legs it places). An order waiting
/// for its pre-trade check gets none: the check answers within the request that placed it (the 201 carries the order),
/// so its first update says where the check left it, and a busy platform is spared one message per order. A save with
/// a fill carries the user's updates on its <c>OrderFilled</c> (<see cref="OrderFilled.OrderUpdates"/>) instead, so a
/// fill is one message, not two.
/// </summary>
public sealed partial class OrderLedger
{
    public const string BrokerNotionalTooSmall = "broker.notional_too_small";

    private readonly ExecutionDbContext db;
    private readonly IOutbox outbox;
    private readonly TimeProvider time;
    private readonly RestingOrderBounds bounds;
    private readonly Dictionary<Guid, Order> updated = [];
    private readonly List<(Order Order, OrderFilled Message)> filled = [];

    public OrderLedger(ExecutionDbContext db, IOutbox outbox, TimeProvider time, RestingOrderBounds bounds)
    {
        this.db = db;
        this.outbox = outbox;
        this.time = time;
        this.bounds = bounds;
        db.SavingChanges += (_, _) => StageUpdates();
    }

    private void StageUpdates()
    {
        // An order no longer tracked was dropped with its changes (a cleared context after a failed attempt).
        bool Tracked(Order order) => db.Entry(order).State != EntityState.Detached;
        foreach (var order in updated.Values)
        {
            // A working paper order (a new bracket leg, an accepted limit) is in the exchange's bounds before it commits.
            bounds.Widen(order);
        }

        var updates = updated.Values.Where(o => o.Status != OrderStatuses.PendingRisk && Tracked(o))
            .GroupBy(o => o.UserId)
            .ToDictionary(orders => orders.Key, orders => orders.Select(OrderMessages.Updated).ToList());
        var fills = filled.Where(f => Tracked(f.Order)).Select(f => f.Message).ToList();
        var lastFillOf = new Dictionary<Guid, int>();
        for (var i = 0; i < fills.Count; i++)
        {
            lastFillOf[fills[i].UserId] = i;
        }

        for (var i = 0; i < fills.Count; i++)
        {
            // The user's updates ride on the user's last fill of this save.
            var fill = fills[i];
            outbox.Add(lastFillOf[fill.UserId] == i && updates.Remove(fill.UserId, out var carried) ? fill with { OrderUpdates = carried } : fill);
        }

        foreach (var (userId, orders) in updates)
        {
            if (orders.Count == 1)
            {
                outbox.Add(orders[0]);
            }
            else
            {
                outbox.Add(new OrdersUpdated(userId, orders));
            }
        }

        updated.Clear();
        filled.Clear();
    }

    private void Updated(Order order) => updated[order.Id] = order;

    /// <summary>A new order (or bracket leg) in <paramref name="order"/>'s initial status.</summary>
    public void Add(Order order, string? reason = null)
    {
        db.Orders.Add(order);
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            FromStatus = null,
            ToStatus = order.Status,
            At = order.CreatedAt,
            Reason = reason,
        });
        Updated(order);
    }

    public void Transition(Order order, string status, string? reason = null, IReadOnlyList<string>? reasonCodes = null)
    {
        var now = time.GetUtcNow();
        if (reasonCodes is not null)
        {
            order.ReasonCodes = [.. reasonCodes];
        }

        db.OrderEvents.Add(order.TransitionTo(status, now, reason));
        Updated(order);
        if (status == OrderStatuses.Rejected)
        {
            outbox.Add(OrderMessages.Rejected(order));
        }
    }

    /// <summary>
    /// Takes a canceled, expired or replaced order back to working (accepted, or partially filled), because its broker
    /// filled it before the cancel took effect there: the only move out of a final status, and only a broker's fill makes it.
    /// </summary>
    public void Reopen(Order order, string reason)
    {
        var now = time.GetUtcNow();
        var from = order.Status;
        order.Status = order.FilledQuantity > 0m ? OrderStatuses.PartiallyFilled : OrderStatuses.Accepted;
        order.UpdatedAt = now;
        order.Reason = reason;
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            FromStatus = from,
            ToStatus = order.Status,
            At = now,
            Reason = reason,
            FilledQuantity = order.FilledQuantity,
        });
        Updated(order);
    }

    /// <summary>
    /// Records one fill: the fill row (unique id and per-order sequence), the order's totals and status, OrderFilled,
    /// the service's own net position, and the bracket consequences (legs for an opening order, one-cancels-other for a
    /// leg, stale legs canceled when the position they protect is gone).
    /// </summary>
    public async Task FillAsync(Order order, decimal quantity, decimal price, decimal fee, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var fill = new OrderFill
        {
            Id = Guid.CreateVersion7(now),
            OrderId = order.Id,
            UserId = order.UserId,
            Sequence = order.FillCount + 1,
            Symbol = order.Symbol,
            Side = order.Side,
            Quantity = quantity,
            Price = price,
            Fee = fee,
            FilledAt = now,
        };
        db.OrderFills.Add(fill);
        order.FillCount++;
        order.FilledQuantity += quantity;
        order.FilledValue += quantity * price;
        order.Fees += fee;
        filled.Add((order, OrderMessages.Filled(order, fill)));
        Transition(order, order.FilledQuantity >= order.Quantity ? OrderStatuses.Filled : OrderStatuses.PartiallyFilled);

        var (position, legs) = await AddToPositionAndLockLegsAsync(order, order.Side == OrderSides.Buy ? quantity : -quantity, cancellationToken);
        if (order.BracketLeg is not null)
        {
            foreach (var sibling in legs.Where(l => l.ParentOrderId == order.ParentOrderId && l.Id != order.Id))
            {
                Transition(sibling, OrderStatuses.Canceled, $"One cancels other: the {order.BracketLeg.Replace('_', '-')} leg filled.");
            }
        }
        else if ((order.StopLossPrice is not null || order.TakeProfitPrice is not null)
                 && (order.Mode == TradingModes.Paper || Brokers.Alpaca.Live.AlpacaOrderRequests.BrokerHoldsProtection(order)))
        {
            // A live order's legs are Alpaca's own (matched to these by its ids); what Alpaca cannot hold gets no local legs
            // that nobody would ever work.
            AttachLegs(order, legs, now);
        }

        CancelStaleLegs(legs, position, order);
    }

    /// <summary>The legs rest for what the parent has filled so far, live from the next tick (gtc, never re-checked by Risk: they only reduce).</summary>
    private void AttachLegs(Order parent, List<Order> legs, DateTimeOffset now)
    {
        var existing = legs.Where(l => l.ParentOrderId == parent.Id).ToList();
        if (existing.Count > 0)
        {
            foreach (var leg in existing)
            {
                leg.Quantity = parent.FilledQuantity;
                leg.UpdatedAt = now;
            }

            return;
        }

        if (db.Orders.Local.Any(o => o.ParentOrderId == parent.Id) || parent.FillCount > 1)
        {
            return; // the legs existed and one already fired: a later fill of the parent is not re-protected
        }

        var side = OrderSides.Opposite(parent.Side);
        if (parent.StopLossPrice is { } stopLoss)
        {
            Add(Leg(parent, BracketLegs.StopLoss, side, OrderTypes.Stop, null, stopLoss, now), "Bracket leg of the filled order.");
        }

        if (parent.TakeProfitPrice is { } takeProfit)
        {
            Add(Leg(parent, BracketLegs.TakeProfit, side, OrderTypes.Limit, takeProfit, null, now), "Bracket leg of the filled order.");
        }
    }

    private static Order Leg(Order parent, string leg, string side, string type, decimal? limit, decimal? stop, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = parent.UserId,
        ClientOrderId = parent.ClientOrderId + (leg == BracketLegs.StopLoss ? "-sl" : "-tp"),
        Symbol = parent.Symbol,
        Side = side,
        Type = type,
        TimeInForce = TimesInForce.Gtc,
        Quantity = parent.FilledQuantity,
        LimitPrice = limit,
        StopPrice = stop,
        Status = OrderStatuses.Accepted,
        ParentOrderId = parent.Id,
        BracketLeg = leg,
        Mode = parent.Mode,
        StrategyRunId = parent.StrategyRunId,
        CreatedAt = now,
        UpdatedAt = now,
        AcceptedAt = now,
        SubmittedAt = now,
    };

    /// <summary>A bracket whose position was closed (or flipped) by another order must not fire on nothing.</summary>
    private void CancelStaleLegs(List<Order> legs, decimal position, Order filled)
    {
        foreach (var leg in legs)
        {
            if (leg.Id == filled.Id || !OrderStatuses.IsOpen(leg.Status) || leg.ParentOrderId == filled.Id)
            {
                continue;
            }

            var protectsLong = leg.Side == OrderSides.Sell;
            if (position == 0m || position > 0m != protectsLong)
            {
                Transition(leg, OrderStatuses.Canceled, "The position this bracket leg protected was closed.");
            }
        }
    }
}
