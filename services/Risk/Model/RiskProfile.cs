using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Model;

/// <summary>A user's risk limits; fractions of equity (0.10 = 10%). Starts at the platform defaults.</summary>
public sealed class RiskProfile
{
    public Guid UserId { get; init; }

    public decimal MaxPositionFraction { get; set; }

    public int MaxOpenPositions { get; set; }

    public decimal DailyLossFraction { get; set; }

    public decimal MaxDrawdownFraction { get; set; }

    public decimal StopLossFraction { get; set; }

    public decimal TakeProfitFraction { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Starts at 1; every change adds a row to the limit history with the new version.</summary>
    public int Version { get; set; } = 1;

    public static RiskProfile WithPlatformDefaults(Guid userId, DateTimeOffset now)
    {
        var defaults = RiskLimits.PlatformDefaults;
        return new RiskProfile
        {
            UserId = userId,
            MaxPositionFraction = defaults.MaxPositionFraction!.Value,
            MaxOpenPositions = defaults.MaxOpenPositions!.Value,
            DailyLossFraction = defaults.DailyLossFraction!.Value,
            MaxDrawdownFraction = defaults.MaxDrawdownFraction!.Value,
            StopLossFraction = defaults.DefaultStopLoss!.Value,
            TakeProfitFraction = defaults.DefaultTakeProfit!.Value,
            UpdatedAt = now,
            Version = 1,
        };
    }

    public RiskLimitVersion ToVersion(Guid? changedBy, string changedByRole, DateTimeOffset at, string? reason) => new()
    {
        UserId = UserId,
        Version = Version,
        MaxPositionFraction = MaxPositionFraction,
        MaxOpenPositions = MaxOpenPositions,
        DailyLossFraction = DailyLossFraction,
        MaxDrawdownFraction = MaxDrawdownFraction,
        StopLossFraction = StopLossFraction,
        TakeProfitFraction = TakeProfitFraction,
        ChangedBy = changedBy,
        ChangedByRole = changedByRole,
        ChangedAt = at,
        Reason = reason,
    };

    public RiskLimits ToLimits() => new(
        MaxPositionFraction, MaxOpenPositions, DailyLossFraction, MaxDrawdownFraction, StopLossFraction, TakeProfitFraction);
}
