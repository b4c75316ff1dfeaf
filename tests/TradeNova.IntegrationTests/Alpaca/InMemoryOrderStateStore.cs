using System.Collections.Concurrent;
using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.Reconciliation;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>A connection's local orders in memory, recording every fill applied, in order.</summary>
public sealed class InMemoryOrderStateStore : IAlpacaOrderStateStore
{
    private readonly ConcurrentDictionary<string, LocalOrderState> _orders = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string ClientOrderId, BrokerFill Fill)> AppliedFills { get; } = new();

    public ConcurrentQueue<OrderCorrection> Corrections { get; } = new();

    public void Add(string clientOrderId) => _orders[clientOrderId] = new LocalOrderState(clientOrderId, "accepted", 0m, 0m);

    public LocalOrderState this[string clientOrderId] => _orders[clientOrderId];

    public Task<IReadOnlyList<LocalOrderState>> OpenOrdersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LocalOrderState>>([.. _orders.Values.Where(o => o.Status is "accepted" or "partially_filled")]);

    public Task<LocalOrderState?> FindAsync(string clientOrderId, string brokerOrderId, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.GetValueOrDefault(clientOrderId));

    public Task RecordLegsAsync(string clientOrderId, IReadOnlyList<AlpacaOrder> legs, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ApplyAsync(OrderCorrection correction, CancellationToken cancellationToken)
    {
        Corrections.Enqueue(correction);
        var order = _orders[correction.ClientOrderId];
        if (correction.Fill is { } fill)
        {
            AppliedFills.Enqueue((correction.ClientOrderId, fill));
            order = order with { FilledQuantity = order.FilledQuantity + fill.Quantity, FilledValue = order.FilledValue + fill.Quantity * fill.Price };
        }

        _orders[correction.ClientOrderId] = order with { Status = correction.NewStatus ?? order.Status, BrokerOrderId = correction.BrokerOrderId };
        return Task.CompletedTask;
    }
}
