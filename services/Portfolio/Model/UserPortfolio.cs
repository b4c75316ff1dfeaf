namespace TradeNova.Portfolio.Model;

/// <summary>A user's portfolio. One per user (unique index on <see cref="UserId"/>); cash in USD, cents precision.</summary>
public sealed class UserPortfolio
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    /// <summary><c>paper</c> (built-in exchange) or <c>live</c> (the user's broker).</summary>
    public required string Mode { get; set; }

    public required string Currency { get; init; }

    public decimal Cash { get; set; }

    public DateTimeOffset OpenedAt { get; init; }
}
