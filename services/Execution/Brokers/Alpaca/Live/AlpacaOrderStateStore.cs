using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.Reconciliation;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>One user's live orders as the trade stream's synchronizer sees them; each call in a scope of its own.</summary>
public sealed class AlpacaOrderStateStore(Guid userId, IServiceScopeFactory scopes) : IAlpacaOrderStateStore
{
    public async Task<IReadOnlyList<LocalOrderState>> OpenOrdersAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlpacaOrderUpdater>().OpenAsync(userId, cancellationToken);
    }

    public async Task<LocalOrderState?> FindAsync(string clientOrderId, string brokerOrderId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlpacaOrderUpdater>().FindAsync(userId, clientOrderId, brokerOrderId, cancellationToken);
    }

    public async Task RecordLegsAsync(string clientOrderId, IReadOnlyList<AlpacaOrder> legs, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlpacaOrderUpdater>().RecordLegsAsync(userId, clientOrderId, legs, cancellationToken);
    }

    public async Task ApplyAsync(OrderCorrection correction, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlpacaOrderUpdater>().ApplyAsync(userId, correction, cancellationToken);
    }
}
