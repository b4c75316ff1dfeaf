namespace TradeNova.Contracts.Execution;

/// <summary>
/// An order changed state. <paramref name="Status"/> is one of <c>pending_risk</c>, <c>accepted</c>,
/// <c>partially_filled</c>, <c>filled</c>, <c>canceled</c>, <c>rejected</c>, <c>expired</c>, <c>replaced</c>.
/// Portfolio pushes it to the user's own SignalR group (alone, in <see cref="OrdersUpdated"/>, or with the fill that
/// changed it in <see cref="OrderFilled.OrderUpdates"/>).
/// <paramref name="StrategyRunId"/> is set when a running strategy sent the order (or it is a bracket leg of one).
/// </summary>
public sealed record OrderUpdated(
    Guid UserId,
    Guid OrderId,
    string ClientOrderId,
    string Symbol,
    string Side,
    string Type,
    string TimeInForce,
    string Status,
    decimal? Quantity,
    decimal? Notional,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    decimal? LimitPrice,
    decimal? StopPrice,
    string? Reason,
    string Mode,
    DateTimeOffset UpdatedAt,
    Guid? StrategyRunId = null);
