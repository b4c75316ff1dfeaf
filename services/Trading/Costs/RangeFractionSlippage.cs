using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Costs;

/// <summary>A fraction of the bar's high-low range against the trader (0.1 = 10% of the range): slippage that grows
/// with the bar's volatility.</summary>
public sealed record RangeFractionSlippage(decimal Fraction) : ISlippageModel
{
    public decimal Apply(decimal price, OrderSide side, in Bar bar)
    {
        var move = (bar.High - bar.Low) * Fraction;
        return side == OrderSide.Buy ? price + move : price - move;
    }
}
