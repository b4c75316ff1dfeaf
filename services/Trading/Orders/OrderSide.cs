namespace TradeNova.Trading.Orders;

public enum OrderSide
{
    Buy,
    Sell,
}
