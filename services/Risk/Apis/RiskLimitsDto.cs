namespace TradeNova.Risk.Apis;

/// <summary>A user's limits as fractions of equity (0.10 = 10%).</summary>
public sealed record RiskLimitsDto(
    decimal MaxPositionFraction,
    int MaxOpenPositions,
    decimal DailyLossFraction,
    decimal MaxDrawdownFraction,
    decimal StopLossFraction,
    decimal TakeProfitFraction)
{
    public static RiskLimitsDto From(RiskProfile profile) => new(
        profile.MaxPositionFraction, profile.MaxOpenPositions, profile.DailyLossFraction,
        profile.MaxDrawdownFraction, profile.StopLossFraction, profile.TakeProfitFraction);
}
