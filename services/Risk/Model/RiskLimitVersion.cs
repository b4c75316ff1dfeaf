namespace TradeNova.Risk.Model;

/// <summary>One version of a user's limits (append-only history): what they became, who changed them, when and why.</summary>
public sealed class RiskLimitVersion
{
    public long Id { get; init; }

    public Guid UserId { get; init; }

    public int Version { get; init; }

    public decimal MaxPositionFraction { get; init; }

    public int MaxOpenPositions { get; init; }

    public decimal DailyLossFraction { get; init; }

    public decimal MaxDrawdownFraction { get; init; }

    public decimal StopLossFraction { get; init; }

    public decimal TakeProfitFraction { get; init; }

    public Guid? ChangedBy { get; init; }

    public required string ChangedByRole { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    public string? Reason { get; init; }
}
