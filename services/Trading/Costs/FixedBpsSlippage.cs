using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Costs;

/// <summary>A fixed number of basis points of the price (5 = 0.05%) against the trader: models a constant spread.</summary>
public sealed record FixedBpsSlippage(decimal BasisPoints) : ISlippageModel
{
    public decimal Apply(decimal price, OrderSide side, in Bar bar)
    {
        var move = price * BasisPoints / 10_000m;
        return side == OrderSide.Buy ? price + move : price - move;
    }
}
