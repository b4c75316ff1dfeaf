using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.Streaming;

namespace TradeNova.Execution.Brokers.Alpaca.Reconciliation;

/// <summary>
/// Keeps one connection's local orders in line with Alpaca: every stream event, and after every (re)connect a REST
/// lookup by client_order_id of each open order, go through <see cref="AlpacaReconciliation"/>. The stream calls it one
/// event at a time, so a lookup and an event never race.
/// </summary>
public sealed partial class AlpacaOrderSynchronizer(AlpacaClient client, IAlpacaOrderStateStore store, ILogger<AlpacaOrderSynchronizer> logger)
    : IAlpacaTradeUpdateHandler
{
    public async Task OnConnectedAsync(CancellationToken cancellationToken)
    {
        var open = await store.OpenOrdersAsync(cancellationToken);
        var corrected = 0;
        foreach (var local in open)
        {
            var broker = local is { IsBracketLeg: true, BrokerOrderId: { } legId }
                ? await FindByIdAsync(legId, cancellationToken)
                : await client.GetOrderByClientOrderIdAsync(local.ClientOrderId, cancellationToken);
            var correction = broker is null ? AlpacaReconciliation.UnknownAtBroker(local) : AlpacaReconciliation.Reconcile(local, broker);
            if (correction is not null)
            {
                await store.ApplyAsync(correction, cancellationToken);
                corrected++;
            }
        }

        LogReconciled(open.Count, corrected);
    }

    public async Task OnTradeUpdateAsync(AlpacaTradeUpdate update, CancellationToken cancellationToken)
    {
        var local = await store.FindAsync(update.Order.ClientOrderId, update.Order.Id, cancellationToken);
        if (local is null)
        {
            // Placed outside TradeNova (Alpaca's dashboard, another app): the account reconciliation of positions covers it.
            LogForeignOrder(update.Event);
            return;
        }

        if (AlpacaReconciliation.Reconcile(local, update.Order, update) is { } correction)
        {
            await store.ApplyAsync(correction, cancellationToken);
        }

        if (update.Order.Legs is { Count: > 0 } legs && !local.IsBracketLeg)
        {
            await store.RecordLegsAsync(local.ClientOrderId, legs, cancellationToken);
        }
    }

    /// <summary>A leg's own order by Alpaca's id (its client_order_id is Alpaca's), or null when Alpaca does not know it.</summary>
    private async Task<AlpacaOrder?> FindByIdAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetOrderAsync(brokerOrderId, cancellationToken);
        }
        catch (AlpacaApiException error) when (error.Kind == AlpacaErrorKind.NotFound)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Open} open Alpaca orders after connecting; {Corrected} corrected")]
    private partial void LogReconciled(int open, int corrected);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Trade update {Event} for an order not placed through TradeNova")]
    private partial void LogForeignOrder(string @event);
}
