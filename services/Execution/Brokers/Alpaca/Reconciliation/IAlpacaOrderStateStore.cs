namespace TradeNova.Execution.Brokers.Alpaca.Reconciliation;

/// <summary>
/// Where one connection's orders are recorded locally. The order flow's store (Execution's orders table) comes with the
/// slice that routes orders to Alpaca; the tests use an in-memory one.
/// </summary>
public interface IAlpacaOrderStateStore
{
    /// <summary>Orders sent to Alpaca that may still change: the ones to look up after a reconnect.</summary>
    Task<IReadOnlyList<LocalOrderState>> OpenOrdersAsync(CancellationToken cancellationToken);

    Task<LocalOrderState?> FindAsync(string clientOrderId, CancellationToken cancellationToken);

    /// <summary>Applies a correction (fill, status, flag) atomically with its effects.</summary>
    Task ApplyAsync(OrderCorrection correction, CancellationToken cancellationToken);
}
