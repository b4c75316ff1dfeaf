using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Broker;

/// <summary>One execution. <see cref="Price"/> includes slippage; <see cref="Commission"/> is charged on top.</summary>
/// <param name="OrderId">The id of the order (bracket legs have their own ids).</param>
/// <param name="Reason">Why it happened: the order's tag, "signal", "stop_loss" or "take_profit".</param>
public sealed record Fill(
    long OrderId,
    DateTimeOffset Time,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Commission,
    string Reason)
{
    /// <summary>Cash change of the fill: negative for buys, positive for sells, after commission.</summary>
    public decimal CashFlow => (Side == OrderSide.Buy ? -Quantity * Price : Quantity * Price) - Commission;
}
