namespace TradeNova.Execution.Apis;

/// <summary>One page of the caller's orders, newest first; <see cref="Total"/> counts every match.</summary>
public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, int Page, int PageSize, int Total);
