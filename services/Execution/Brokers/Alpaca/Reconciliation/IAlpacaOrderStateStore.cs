using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.Execution.Brokers.Alpaca.Reconciliation;

/// <summary>
/// Where one connection's orders are recorded locally. The order flow's store (Execution's orders table) comes with the
/// slice that routes orders to Alpaca; the tests use an in-memory one.
/// </summary>
public interface IAlpacaOrderStateStore
{
    /// <summary>Orders sent to Alpaca that may still change: the ones to look up after a reconnect.</summary>
    Task<IReadOnlyList<LocalOrderState>> OpenOrdersAsync(CancellationToken cancellationToken);

    /// <summary>The order Alpaca reports as <paramref name="clientOrderId"/> / <paramref name="brokerOrderId"/>: by the client id
    /// TradeNova gave it, or, for a bracket leg (which Alpaca names itself), by Alpaca's id.</summary>
    Task<LocalOrderState?> FindAsync(string clientOrderId, string brokerOrderId, CancellationToken cancellationToken);

    /// <summary>Remembers Alpaca's ids of the legs it holds for the order, so their updates reach the local legs.</summary>
    Task RecordLegsAsync(string clientOrderId, IReadOnlyList<AlpacaOrder> legs, CancellationToken cancellationToken);

    /// <summary>Applies a correction (fill, status, flag) atomically with its effects.</summary>
    Task ApplyAsync(OrderCorrection correction, CancellationToken cancellationToken);
}
