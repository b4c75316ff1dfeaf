using TradeNova.Execution.Brokers.Alpaca.Streaming;

namespace TradeNova.Execution.Brokers.Alpaca.Accounts;

/// <summary>Passes the stream's events on, and asks for a report of the user's account after each reconciliation of
/// orders (every (re)connect) and each fill: those are the moments the broker's cash and positions move or may have
/// moved unseen.</summary>
public sealed class AccountSyncingTradeUpdateHandler(IAlpacaTradeUpdateHandler inner, Guid userId, AlpacaAccountSync sync) : IAlpacaTradeUpdateHandler
{
    public async Task OnConnectedAsync(CancellationToken cancellationToken)
    {
        await inner.OnConnectedAsync(cancellationToken);
        sync.Request(userId);
    }

    public async Task OnTradeUpdateAsync(AlpacaTradeUpdate update, CancellationToken cancellationToken)
    {
        await inner.OnTradeUpdateAsync(update, cancellationToken);
        if (update.Event is "fill" or "partial_fill")
        {
            sync.Request(userId);
        }
    }
}
