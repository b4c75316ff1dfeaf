namespace TradeNova.Contracts.Risk;

/// <summary>
/// Pre-trade check, request/response to Risk. Answered with <see cref="OrderRiskChecked"/>; the caller treats a
/// timeout as a rejection. <paramref name="Side"/> is <c>buy</c>/<c>sell</c>, <paramref name="OrderType"/> <c>market</c>/<c>limit</c>/...
/// <paramref name="ReferencePrice"/> is the price used to size the order (limit price, or last price for market orders).
/// </summary>
public sealed record CheckOrderRisk(
    Guid UserId,
    Guid OrderId,
    string Symbol,
    string Side,
    string OrderType,
    decimal Quantity,
    decimal ReferencePrice,
    DateTimeOffset RequestedAt);
