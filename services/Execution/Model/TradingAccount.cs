namespace TradeNova.Execution.Model;

/// <summary>Where a user's orders go: the built-in paper exchange by default, their own broker when live.</summary>
public sealed class TradingAccount
{
    public Guid UserId { get; init; }

    /// <summary>One of <see cref="TradingModes"/>.</summary>
    public required string Mode { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
