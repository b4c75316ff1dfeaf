using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Costs;

/// <summary>No slippage: the engine's default.</summary>
public sealed class ZeroSlippage : ISlippageModel
{
    public static readonly ZeroSlippage Instance = new();

    private ZeroSlippage()
    {
    }

    public decimal Apply(decimal price, OrderSide side, in Bar bar) => price;
}
