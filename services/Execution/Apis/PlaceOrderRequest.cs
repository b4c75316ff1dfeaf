namespace TradeNova.Execution.Apis;

/// <summary>
/// Body of <c>POST /api/v1/orders</c>. Exactly one of <see cref="Quantity"/> (shares; fractional only for market
/// orders) or <see cref="Notional"/> (dollars; market orders only). <see cref="StopLoss"/>/<see cref="TakeProfit"/> are
/// optional bracket prices; Risk fills in the user's defaults for opening orders that set none. <see cref="Mode"/>
/// (<c>paper</c> or <c>live</c>) overrides the account's mode for this order; live needs a broker connection.
/// </summary>
public sealed record PlaceOrderRequest(
    string? Symbol,
    string? Side,
    string? Type,
    string? TimeInForce,
    decimal? Quantity,
    decimal? Notional,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal? StopLoss,
    decimal? TakeProfit,
    string? Mode = null);
