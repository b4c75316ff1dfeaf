namespace TradeNova.Backtest.Apis;

public sealed record QuotaResponse(Guid UserId, int MaxConcurrentJobs, int DailyRunLimit, int RunsUsedToday, DateOnly UsageDate);
