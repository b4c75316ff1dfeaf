namespace TradeNova.Backtest.Model;

/// <summary>How much backtesting a user may do: concurrent jobs and runs per UTC day.</summary>
public sealed class BacktestQuota
{
    public const int DefaultMaxConcurrentJobs = 2;
    public const int DefaultDailyRunLimit = 50;

    public Guid UserId { get; init; }

    public int MaxConcurrentJobs { get; set; }

    public int DailyRunLimit { get; set; }

    /// <summary>Runs started on <see cref="UsageDate"/>; a new UTC day starts from zero.</summary>
    public int RunsUsed { get; set; }

    public DateOnly UsageDate { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public static BacktestQuota ForNewUser(Guid userId, DateTimeOffset now) => new()
    {
        UserId = userId,
        MaxConcurrentJobs = DefaultMaxConcurrentJobs,
        DailyRunLimit = DefaultDailyRunLimit,
        RunsUsed = 0,
        UsageDate = DateOnly.FromDateTime(now.UtcDateTime),
        CreatedAt = now,
    };
}
