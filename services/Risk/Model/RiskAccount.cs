using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Model;

/// <summary>
/// Risk's read model of one of a user's accounts (<see cref="Account"/>: <c>paper</c> or <c>live</c>), built only from
/// events (PortfolioOpened/Valued, OrderFilled, UserRegistered, Subscription*), plus the post-trade monitor's memory and
/// the monitor's halts in force for that account (a live drawdown halt does not halt paper). Halts live here so they
/// survive a restart of Risk. What concerns the user rather than an account (registration, subscription, an
/// administrator's halt of the user) is kept on the paper row only.
/// </summary>
public sealed class RiskAccount
{
    public Guid UserId { get; init; }

    public string Account { get; init; } = RiskAccounts.Paper;

    public Guid? PortfolioId { get; set; }

    public decimal Cash { get; set; }

    public decimal Equity { get; set; }

    public decimal StartOfDayEquity { get; set; }

    public decimal PeakEquity { get; set; }

    /// <summary>Time of the valuation the equity comes from (valuations older than it change nothing).</summary>
    public DateTimeOffset? ValuedAt { get; set; }

    /// <summary>
    /// The <c>LastFillAt</c> of the valuation whose cash and positions are the base of these figures: fills stamped at or
    /// before it are in them, later ones were added by <c>OrderFilled</c>.
    /// </summary>
    public DateTimeOffset? ValuationFillsThrough { get; set; }

    /// <summary>The <c>FilledAt</c> of the latest fill added by <c>OrderFilled</c>.</summary>
    public DateTimeOffset? LastFillAt { get; set; }

    public DateTimeOffset? RegisteredAt { get; set; }

    /// <summary>Billing's latest status (<c>trialing</c>, <c>active</c>, <c>canceled</c>, ...); null until Billing speaks.</summary>
    public string? SubscriptionStatus { get; set; }

    /// <summary>Timestamp of the subscription event applied last: an older one arriving later is ignored.</summary>
    public DateTimeOffset? SubscriptionChangedAt { get; set; }

    public long? MonitorUtcDay { get; set; }

    public decimal MonitorLastEquity { get; set; }

    public decimal MonitorStartOfDayEquity { get; set; }

    public decimal MonitorPeakEquity { get; set; }

    public bool DailyLossHalted { get; set; }

    public DateTimeOffset? DailyLossHaltedAt { get; set; }

    public bool DrawdownHalted { get; set; }

    public DateTimeOffset? DrawdownHaltedAt { get; set; }

    /// <summary>An admin halted this user (kill switch for one user); lifts only when an admin resumes.</summary>
    public bool AdminHalted { get; set; }

    public string? AdminHaltReason { get; set; }

    public DateTimeOffset? AdminHaltedAt { get; set; }

    public static RiskAccount New(Guid userId) => new() { UserId = userId };

    public bool HasMonitorState => MonitorUtcDay is not null;

    public RiskMonitorState CaptureState() => new(
        MonitorUtcDay, MonitorLastEquity, MonitorStartOfDayEquity, MonitorPeakEquity, DailyLossHalted, DrawdownHalted);

    public void Store(RiskMonitorState state)
    {
        MonitorUtcDay = state.CurrentUtcDay;
        MonitorLastEquity = state.LastEquity;
        MonitorStartOfDayEquity = state.StartOfDayEquity;
        MonitorPeakEquity = state.PeakEquity;
        DailyLossHalted = state.DailyLossHalted;
        DrawdownHalted = state.DrawdownHalted;
    }

    /// <summary>A daily-loss halt holds only during the UTC session it was triggered in.</summary>
    public bool IsDailyLossHaltActive(DateTimeOffset now) => DailyLossHalted && MonitorUtcDay == UtcDay(now);

    public static long UtcDay(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerDay;

    public static DateTimeOffset NextSession(DateTimeOffset time) => new DateTimeOffset(time.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
