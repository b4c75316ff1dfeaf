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
        context.Submit(ExitRequest(symbol, tag));
        return true;
    }

    /// <summary>The entry order <see cref="Enter(IStrategyContext, string, string)"/> submits; requests are immutable, so
    /// a strategy may build its own once and reuse it with the overloads below (no allocation per signal).</summary>
    internal static OrderRequest EntryRequest(string symbol, string tag) => new(symbol, OrderSide.Buy, OrderSizing.AllCash(), Tag: tag);

    internal static OrderRequest ExitRequest(string symbol, string tag) => new(symbol, OrderSide.Sell, OrderSizing.EntirePosition(), Tag: tag);

    /// <summary><see cref="Enter(IStrategyContext, string, string)"/> with a prebuilt request and the symbol's index.</summary>
    internal static bool Enter(IStrategyContext context, IIndexedStrategyContext indexed, int symbolIndex, OrderRequest entry)
    {
        if (indexed.PositionQuantity(symbolIndex) != 0 || indexed.HasPendingOrder(symbolIndex))
            return false;
        context.Submit(entry);
        return true;
    }

    /// <summary><see cref="Exit"/> with a prebuilt request and the symbol's index.</summary>
    internal static bool Exit(IStrategyContext context, IIndexedStrategyContext indexed, int symbolIndex, OrderRequest exit)
    {
        if (indexed.PositionQuantity(symbolIndex) <= 0)
            return false;
        context.CancelOrders(exit.Symbol);
        context.Submit(exit);
        return true;
    }
}
