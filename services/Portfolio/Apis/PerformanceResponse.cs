using TradeNova.Trading.Statistics;

namespace TradeNova.Portfolio.Apis;

/// <summary>The performance of the range, computed by the platform's statistics module (the same as backtests).</summary>
public sealed record PerformanceResponse(DateOnly From, DateOnly To, int Days, PerformanceReport Report);
