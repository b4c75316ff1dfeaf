using TradeNova.Contracts.Execution;

namespace TradeNova.Execution.Orders;

/// <summary>The integration events an order's changes produce.</summary>
public static class OrderMessages
{
    public static OrderUpdated Updated(Order order) => new(
        order.UserId, order.Id, order.ClientOrderId, order.Symbol, order.Side, order.Type, order.TimeInForce, order.Status,
        order.Quantity, order.Notional, order.FilledQuantity, order.AverageFillPrice, order.LimitPrice, order.StopPrice,
        order.Reason, order.Mode, order.UpdatedAt, order.StrategyRunId);

    public static OrderFilled Filled(Order order, OrderFill fill) => new(
        order.UserId, order.Id, fill.Id, fill.Symbol, fill.Side, fill.Quantity, fill.Price, fill.Fee, order.Mode, fill.FilledAt,
        order.ClientOrderId, order.StrategyRunId, order.StrategyRunId);

    public static OrderRejected Rejected(Order order) => new(
        order.UserId, order.Id, order.Symbol, order.Reason ?? "Rejected.", order.ReasonCodes, order.UpdatedAt, order.Mode);
}
