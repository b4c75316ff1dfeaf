using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>An accepted order as Alpaca's <c>POST /v2/orders</c> body, under its TradeNova client_order_id.</summary>
public static class AlpacaOrderRequests
{
    /// <summary>
    /// Whether Alpaca holds the order's protective legs itself: brackets (both legs) and OTO (one) need whole shares and a
    /// market or limit entry that lives for the day or until canceled. Only then does a live order get local legs.
    /// </summary>
    public static bool BrokerHoldsProtection(Order order) =>
        order.Quantity is { } quantity && decimal.Floor(quantity) == quantity
        && order.Type is OrderTypes.Market or OrderTypes.Limit
        && order.TimeInForce is TimesInForce.Day or TimesInForce.Gtc
        && (order.StopLossPrice is not null || order.TakeProfitPrice is not null);

    public static AlpacaOrderRequest From(Order order)
    {
        var protectable = BrokerHoldsProtection(order);
        var takeProfit = protectable && order.TakeProfitPrice is { } tp ? new AlpacaTakeProfit(Plain(tp)) : null;
        var stopLoss = protectable && order.StopLossPrice is { } sl ? new AlpacaStopLoss(Plain(sl)) : null;
        return new AlpacaOrderRequest
        {
            Symbol = order.Symbol,
            Qty = Plain(order.Quantity),
            Notional = order.Quantity is null ? Plain(order.Notional) : null,
            Side = order.Side,
            Type = order.Type,
            TimeInForce = order.TimeInForce,
            LimitPrice = Plain(order.LimitPrice),
            StopPrice = Plain(order.StopPrice),
            ClientOrderId = order.ClientOrderId,
            OrderClass = (takeProfit, stopLoss) switch
            {
                (not null, not null) => AlpacaOrderClasses.Bracket,
                (null, null) => null,
                _ => AlpacaOrderClasses.Oto,
            },
            TakeProfit = takeProfit,
            StopLoss = stopLoss,
        };
    }

    /// <summary><c>PATCH /v2/orders/{id}</c> turning the order <paramref name="replacement"/> replaces into it: Alpaca
    /// creates the new order under the replacement's client_order_id, so a lost answer is found by that id, never resent.</summary>
    public static AlpacaReplaceOrderRequest Replacement(Order replacement) => new()
    {
        Qty = Plain(replacement.Quantity),
        LimitPrice = Plain(replacement.LimitPrice),
        StopPrice = Plain(replacement.StopPrice),
        ClientOrderId = replacement.ClientOrderId,
    };

    /// <summary>Without the trailing zeros of the stored scale: <c>"3"</c>, not <c>"3.000000"</c>.</summary>
    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    private static decimal? Plain(decimal? value) => value is { } v ? Plain(v) : null;
}
