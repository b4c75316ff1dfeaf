namespace TradeNova.Risk.Apis;

public sealed record RiskProfileResponse(
    Guid UserId,
    decimal MaxPositionFraction,
    int MaxOpenPositions,
    decimal DailyLossFraction,
    decimal MaxDrawdownFraction,
    decimal StopLossFraction,
    decimal TakeProfitFraction,
    DateTimeOffset UpdatedAt);
