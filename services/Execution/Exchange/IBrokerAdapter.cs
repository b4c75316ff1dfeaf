namespace TradeNova.Execution.Exchange;

/// <summary>
/// Where accepted orders go. The built-in <see cref="PaperBrokerAdapter"/> is the default; a live adapter (the user's
/// Alpaca account) comes later. Both calls must be idempotent by <see cref="Order.ClientOrderId"/>: after a crash the
/// recovery sweep submits again every accepted order that has no acknowledgement.
/// </summary>
public interface IBrokerAdapter
{
    /// <summary>The <see cref="TradingModes"/> value this adapter serves.</summary>
    string Mode { get; }

    Task<BrokerAck> SubmitAsync(Order order, CancellationToken cancellationToken);

    Task<BrokerAck> CancelAsync(Order order, CancellationToken cancellationToken);
}
