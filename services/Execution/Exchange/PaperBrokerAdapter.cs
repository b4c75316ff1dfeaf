namespace TradeNova.Execution.Exchange;

/// <summary>
/// The built-in paper exchange. Its order book is the <c>execution.orders</c> table itself (working rows, matched by
/// <see cref="PaperExchangeWorker"/>), so submitting is the acceptance the caller commits and canceling is the caller's
/// status change: nothing to call, nothing to lose in a crash.
/// </summary>
public sealed class PaperBrokerAdapter : IBrokerAdapter
{
    public string Mode => TradingModes.Paper;

    public Task<BrokerAck> SubmitAsync(Order order, CancellationToken cancellationToken) => Task.FromResult(BrokerAck.Ok);

    public Task<BrokerAck> CancelAsync(Order order, CancellationToken cancellationToken) => Task.FromResult(BrokerAck.Ok);
}
