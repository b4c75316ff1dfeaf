namespace TradeNova.Risk.Apis;

/// <summary>The order ticket, checked without placing anything. Give <paramref name="Quantity"/> (shares) or
/// <paramref name="Notional"/> (dollars, converted at the reference price).</summary>
public sealed record RiskPreviewRequest(
    string Symbol,
    string Side,
    string? OrderType,
    decimal? Quantity,
    decimal? Notional,
    decimal? LimitPrice,
    decimal? StopLossPrice,
    decimal? TakeProfitPrice);
