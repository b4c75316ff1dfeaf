namespace TradeNova.Execution.Exchange;

/// <summary>The part of an order the matcher needs. <see cref="Quantity"/> is null for a notional order not yet resolved.</summary>
public sealed record WorkingOrder(
    string Side,
    string Type,
    string TimeInForce,
    decimal? Quantity,
    decimal? Notional,
    decimal FilledQuantity,
    decimal? LimitPrice,
    decimal? StopPrice,
    bool StopTriggered)
{
    public static WorkingOrder From(Order order) => new(
        order.Side, order.Type, order.TimeInForce, order.Quantity, order.Notional, order.FilledQuantity,
        order.LimitPrice, order.StopPrice, order.StopTriggered);
}
