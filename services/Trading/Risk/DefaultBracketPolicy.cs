using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Risk;

/// <summary>Attaches the account's default stop-loss and take-profit to opening orders that carry no bracket of their
/// own. An order's own bracket wins: a user may set tighter or wider legs per order.</summary>
public static class DefaultBracketPolicy
{
    public static OrderRequest Apply(RiskLimits limits, OrderRequest order, bool isOpening)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(order);
        if (!isOpening || order.Bracket is not null || (limits.DefaultStopLoss is null && limits.DefaultTakeProfit is null))
        {
            return order;
        }

        return order with { Bracket = new BracketSpec(limits.DefaultStopLoss, limits.DefaultTakeProfit) };
    }
}
