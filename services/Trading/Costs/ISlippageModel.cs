using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Costs;

/// <summary>Moves a market-style fill price against the trader (up for buys, down for sells). Limit fills are never
/// slipped: a limit price is a guarantee.</summary>
public interface ISlippageModel
{
    /// <param name="price">The price the fill rules produced (the open, or the stop price).</param>
    /// <param name="side">The side of the fill.</param>
    /// <param name="bar">The bar the fill happens in.</param>
    decimal Apply(decimal price, OrderSide side, in Bar bar);
}
