namespace TradeNova.Risk.Apis;

/// <summary>How close the account is to each limit. Every <see cref="LimitUsage.Usage"/> is used / limit (1 = at it).</summary>
public sealed record RiskUsageResponse(
    decimal Equity,
    decimal Cash,
    decimal StartOfDayEquity,
    decimal PeakEquity,
    DateTimeOffset? ValuedAt,
    IReadOnlyList<PositionUsage> Positions,
    LimitUsage OpenPositions,
    LimitUsage DailyLoss,
    LimitUsage Drawdown,
    LimitUsage OrderRate);

/// <summary>One limit: the amount used, the limit, and used / limit.</summary>
public sealed record LimitUsage(decimal Used, decimal Limit, decimal Usage);

/// <summary>A position's size against the per-position cap (<see cref="FractionOfEquity"/> vs <see cref="Limit"/>).</summary>
public sealed record PositionUsage(string Symbol, decimal Quantity, decimal MarketValue, decimal FractionOfEquity, decimal Limit, decimal Usage);
