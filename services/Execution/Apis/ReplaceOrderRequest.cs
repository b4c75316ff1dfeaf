namespace TradeNova.Execution.Apis;

/// <summary>Body of <c>POST /api/v1/orders/{id}/replace</c>: at least one field; the others keep the old order's values.</summary>
public sealed record ReplaceOrderRequest(decimal? Quantity, decimal? LimitPrice, decimal? StopPrice);
