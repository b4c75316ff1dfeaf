namespace TradeNova.Risk.Apis;

/// <summary>PUT limits: only the fields present change. <paramref name="Reason"/> is recorded in the history and audit.</summary>
public sealed record UpdateRiskLimitsRequest(
    decimal? MaxPositionFraction,
    int? MaxOpenPositions,
    decimal? DailyLossFraction,
    decimal? MaxDrawdownFraction,
    decimal? StopLossFraction,
    decimal? TakeProfitFraction,
    string? Reason);
