namespace TradeNova.Execution.Brokers.Alpaca.Streaming;

/// <summary>Receives what the trading stream learns. Both calls must be idempotent: events can repeat around a reconnect.</summary>
public interface IAlpacaTradeUpdateHandler
{
    /// <summary>After every (re)connect, once listening: the moment to reconcile whatever the gap may have hidden.</summary>
    Task OnConnectedAsync(CancellationToken cancellationToken);

    Task OnTradeUpdateAsync(AlpacaTradeUpdate update, CancellationToken cancellationToken);
}
