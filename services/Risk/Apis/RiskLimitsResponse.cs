namespace TradeNova.Risk.Apis;

/// <summary>GET /api/v1/risk/limits: the limits, the platform defaults, and how close the account is to each.</summary>
public sealed record RiskLimitsResponse(
    Guid UserId,
    RiskLimitsDto Limits,
    RiskLimitsDto Defaults,
    int Version,
    DateTimeOffset UpdatedAt,
    decimal PriceCollarFraction,
    int MaxOrdersPerMinute,
    RiskUsageResponse Usage,
    HaltStateResponse Halt);
