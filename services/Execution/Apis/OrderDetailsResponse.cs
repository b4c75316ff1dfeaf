namespace TradeNova.Execution.Apis;

/// <summary><c>GET /api/v1/orders/{id}</c>: the order, every transition in order, and its fills.</summary>
public sealed record OrderDetailsResponse(OrderResponse Order, IReadOnlyList<OrderEventResponse> Events, IReadOnlyList<FillResponse> Fills);
