using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Strategies;

/// <summary>The entry and exit the long-only built-in strategies share, so they agree on the details. Entry: only when
/// flat with nothing pending, a market buy for all the cash (resolved at the fill price). Exit: only from a long
/// position, cancel whatever is pending for the symbol (bracket legs the risk rules attached, or an earlier exit
/// still waiting for a bar) and sell the entire position at market.</summary>
public static class LongOnlyOrders
{
    public static bool Enter(IStrategyContext context, string symbol, string tag) =>
        Enter(context, symbol, OrderSizing.AllCash(), tag);

    public static bool Enter(IStrategyContext context, string symbol, OrderSizing sizing, string tag)
    {
        if (context.PositionQuantity(symbol) != 0 || context.HasPendingOrder(symbol))
            return false;
        context.Submit(new OrderRequest(symbol, OrderSide.Buy, sizing, Tag: tag));
        return true;
    }

    public static bool Exit(IStrategyContext context, string symbol, string tag)
    {
        if (context.PositionQuantity(symbol) <= 0)
            return false;
        context.CancelOrders(symbol);
        context.Submit(new OrderRequest(symbol, OrderSide.Sell, OrderSizing.EntirePosition(), Tag: tag));
        return true;
    }
}
