namespace TradeNova.Portfolio.Model;

/// <summary>A user's portfolio. One per user (unique index on <see cref="UserId"/>); cash in USD, cents precision.
/// The valuation fields are the last persisted mark (coalesced: after each fill and every few seconds while prices
/// move), not every tick.</summary>
public sealed class UserPortfolio
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    /// <summary><c>paper</c> (built-in exchange) or <c>live</c> (the user's broker).</summary>
    public required string Mode { get; set; }

    public required string Currency { get; init; }

    public decimal Cash { get; set; }

    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>Sum of realized P&amp;L of all closed quantities, before fees (fees are in <see cref="Fees"/>).</summary>
    public decimal RealizedPnl { get; set; }

    public decimal Fees { get; set; }

    public decimal Equity { get; set; }

    public decimal UnrealizedPnl { get; set; }

    /// <summary>Equity at the start of the current UTC session (the previous session's last equity).</summary>
    public decimal StartOfDayEquity { get; set; }

    public decimal PeakEquity { get; set; }

    /// <summary>The UTC date the start-of-day equity belongs to; a later date means a rollover is due.</summary>
    public DateOnly SessionDate { get; set; }

    public DateTimeOffset? ValuedAt { get; set; }

    /// <summary>Time of the last intraday equity point written (at most one a minute, plus one per fill).</summary>
    public DateTimeOffset? LastPointAt { get; set; }

    public void OpenWith(decimal cash, DateTimeOffset now)
    {
        Cash = cash;
        Equity = cash;
        StartOfDayEquity = cash;
        PeakEquity = cash;
        SessionDate = DateOnly.FromDateTime(now.UtcDateTime);
        ValuedAt = now;
    }
}
