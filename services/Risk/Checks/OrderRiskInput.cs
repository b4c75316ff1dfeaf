namespace TradeNova.Risk.Checks;

/// <summary>An order as the pre-trade check sees it (from <c>CheckOrderRisk</c> or the preview API).
/// <paramref name="Quantity"/> in shares; <paramref name="ReferencePrice"/> 0 means "use the last price".</summary>
public sealed record OrderRiskInput(
    string Symbol,
    string Side,
    string OrderType,
    decimal Quantity,
    decimal ReferencePrice,
    decimal? LimitPrice,
    decimal? StopLossPrice,
    decimal? TakeProfitPrice);
