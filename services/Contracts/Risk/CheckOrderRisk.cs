namespace TradeNova.Contracts.Risk;

/// <summary>
/// Pre-trade check, request/response to Risk. Answered with <see cref="OrderRiskChecked"/>; the caller treats a
/// timeout or a fault as a rejection, never an approval. <paramref name="Side"/> is <c>buy</c>/<c>sell</c>,
/// <paramref name="OrderType"/> <c>market</c>/<c>limit</c>/<c>stop</c>/<c>stop_limit</c>. <paramref name="Quantity"/>
/// is in shares (a notional order is converted at <paramref name="ReferencePrice"/>, the limit price or the last price
/// for market orders). <paramref name="StopLossPrice"/>/<paramref name="TakeProfitPrice"/> are the order's own bracket
/// legs when it sets them (Risk checks them against the user's limits); null asks for the user's defaults.
/// <paramref name="Mode"/> is <c>paper</c> or <c>live</c>.
/// </summary>
public sealed record CheckOrderRisk(
    Guid UserId,
    Guid OrderId,
    string Symbol,
    string Side,
    string OrderType,
    decimal Quantity,
    decimal ReferencePrice,
    decimal? LimitPrice,
    decimal? StopLossPrice,
    decimal? TakeProfitPrice,
    string Mode,
    DateTimeOffset RequestedAt);
