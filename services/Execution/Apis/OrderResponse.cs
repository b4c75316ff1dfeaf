namespace TradeNova.Execution.Apis;

/// <summary>An order as clients see it. Prices are USD; <see cref="Source"/> says where fills come from.</summary>
public sealed record OrderResponse(
    Guid Id,
    string ClientOrderId,
    string Symbol,
    string Side,
    string Type,
    string TimeInForce,
    decimal? Quantity,
    decimal? Notional,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    decimal Fees,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal? StopLossPrice,
    decimal? TakeProfitPrice,
    string Status,
    string? Reason,
    IReadOnlyList<string> ReasonCodes,
    Guid? ParentOrderId,
    string? BracketLeg,
    Guid? ReplacesOrderId,
    Guid? ReplacedByOrderId,
    string Mode,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpiresAt,
    Guid? StrategyRunId = null)
{
    public static OrderResponse From(Order order) => new(
        order.Id, order.ClientOrderId, order.Symbol, order.Side, order.Type, order.TimeInForce, order.Quantity, order.Notional,
        order.FilledQuantity, order.AverageFillPrice, order.Fees, order.LimitPrice, order.StopPrice,
        order.StopLossPrice ?? order.RequestedStopLoss, order.TakeProfitPrice ?? order.RequestedTakeProfit, order.Status,
        order.Reason, order.ReasonCodes, order.ParentOrderId, order.BracketLeg, order.ReplacesOrderId, order.ReplacedByOrderId,
        order.Mode, order.Mode == TradingModes.Paper ? "simulated" : "broker", order.CreatedAt, order.UpdatedAt, order.ExpiresAt, order.StrategyRunId);
}
