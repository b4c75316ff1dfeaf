namespace TradeNova.Execution.Exchange;

/// <summary>
/// Broker cancels asked before a transaction, for the flows that cancel many orders under their row locks (a strategy's
/// cancels, its stop, a halt, a lapsed subscription). A live cancel is one or two calls to Alpaca with long timeouts;
/// asked inside the transaction, they would hold the orders' locks and a pooled connection meanwhile. So the flow reads
/// the live orders working at Alpaca first, with no transaction, and asks (<see cref="AskAsync"/>); under the locks,
/// <see cref="CancelAsync"/> then gives the answer already received. Only an order that started working at Alpaca between
/// the read and the lock is asked there and then, which is rare and no worse than before. Scoped: one flow's answers.
/// </summary>
public sealed class BrokerCancels(BrokerRouter brokers)
{
    private readonly Dictionary<Guid, BrokerAck> _answers = [];

    /// <summary>The live orders working at a broker, read with no lock: the ones <see cref="AskAsync"/> takes.</summary>
    public static IQueryable<Order> WorkingLive(IQueryable<Order> orders) =>
        orders.AsNoTracking().Where(o => o.Mode == TradingModes.Live
                                         && (o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled));

    /// <summary>Asks each order's broker to cancel it, with no transaction open, and keeps the answers.</summary>
    public async Task AskAsync(IEnumerable<Order> orders, CancellationToken cancellationToken)
    {
        foreach (var order in orders)
        {
            if (OrderStatuses.Working.Contains(order.Status) && brokers.For(order.Mode) is { } broker)
                _answers[order.Id] = await broker.CancelAsync(order, cancellationToken);
        }
    }

    /// <summary>
    /// For a locked order about to be canceled: null when it is not working at a broker (nothing to ask), the answer
    /// <see cref="AskAsync"/> received, or, for an order it did not see working, the broker's answer asked now.
    /// </summary>
    public async Task<BrokerAck?> CancelAsync(Order order, CancellationToken cancellationToken)
    {
        if (!OrderStatuses.Working.Contains(order.Status) || brokers.For(order.Mode) is not { } broker)
            return null;
        if (_answers.TryGetValue(order.Id, out var answer))
            return answer;
        return _answers[order.Id] = await broker.CancelAsync(order, cancellationToken);
    }
}
