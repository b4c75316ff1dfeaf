namespace TradeNova.Portfolio.Model;

/// <summary>One of a user's portfolios: one per (user, account) (unique index on <see cref="UserId"/> and
/// <see cref="Mode"/>): <c>paper</c>, opened at registration with the starting cash, and <c>live</c>, opened when Execution
/// first reports the user's broker account and reconciled to it since (the broker is the truth). Cash in USD, cents precision.
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

    /// <summary>The <c>FilledAt</c> of the latest fill applied; every valuation carries it (<c>PortfolioValued.LastFillAt</c>).</summary>
    public DateTimeOffset? LastFillAt { get; set; }

    /// <summary>The <see cref="LastFillAt"/> of the last valuation sent to Risk and Execution (<c>PortfolioValued</c>,
    /// <c>PortfoliosValued</c>). A fill's own valuation goes to the owner's screens only, so while this is behind
    /// <see cref="LastFillAt"/> the next periodic pass sends the portfolio even if its figures did not move since.</summary>
    public DateTimeOffset? BroadcastFillsThrough { get; set; }

    /// <summary>Time of the last intraday equity point written (at most one a minute, plus one per fill).</summary>
    public DateTimeOffset? LastPointAt { get; set; }

    /// <summary>The broker's account number (live only).</summary>
    public string? BrokerAccountNumber { get; set; }

    /// <summary>The as-of time of the last broker account report applied (live only): fills stamped at or before it are
    /// already in the broker's cash and positions.</summary>
    public DateTimeOffset? BrokerSyncedAt { get; set; }

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
