namespace TradeNova.Trading.Orders;

public enum OrderType
{
    /// <summary>Fills at the next bar's open.</summary>
    Market,
    /// <summary>Fills when the bar's range reaches the limit: at the limit, or at the open if the bar opens better.</summary>
    Limit,
    /// <summary>Becomes a market order when the bar's range reaches the stop: at the stop, or at the open if the bar gaps through it.</summary>
    Stop,
}
