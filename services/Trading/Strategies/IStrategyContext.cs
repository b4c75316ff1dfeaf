using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Strategies;

/// <summary>What a strategy sees and may do at one time step.</summary>
public interface IStrategyContext
{
    /// <summary>The current time step (UTC).</summary>
    DateTimeOffset Time { get; }

    /// <summary>The bar of <paramref name="symbol"/> at the current time, if that symbol has one.</summary>
    bool TryGetBar(string symbol, out Bar bar);

    decimal Cash { get; }

    /// <summary>Cash plus positions marked at their latest close.</summary>
    decimal Equity { get; }

    /// <summary>Signed quantity held (positive long, negative short, zero flat).</summary>
    decimal PositionQuantity(string symbol);

    /// <summary>True while an order for the symbol is waiting to fill.</summary>
    bool HasPendingOrder(string symbol);

    /// <summary>Queues an order; it is checked by the risk rules and fills no earlier than the next bar.</summary>
    void Submit(OrderRequest order);

    /// <summary>Cancels every pending order of the symbol (bracket legs included).</summary>
    void CancelOrders(string symbol);
}
