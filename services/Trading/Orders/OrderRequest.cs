namespace TradeNova.Trading.Orders;

/// <summary>What a strategy (or a user) asks for. Prices are required for the order types that use them.</summary>
public sealed record OrderRequest(
    string Symbol,
    OrderSide Side,
    OrderSizing Sizing,
    OrderType Type = OrderType.Market,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    BracketSpec? Bracket = null,
    string? Tag = null);
