using System.Globalization;
using TradeNova.Contracts.Risk;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.Trading.Risk;
using RiskReasonCodes = TradeNova.Contracts.Risk.RiskReasonCodes;

namespace TradeNova.Risk.Monitoring;

/// <summary>
/// Runs the shared <see cref="RiskMonitor"/> (the same daily-loss and drawdown rules as backtests) on each valuation,
/// persisting its memory in the account row, and stages <c>TradingHalted</c>/<c>TradingResumed</c> when a halt starts
/// or a daily-loss halt lapses at a new UTC session.
/// </summary>
public static class PostTradeMonitor
{
    public static void Observe(RiskAccount account, RiskLimits limits, DateTimeOffset valuedAt, decimal equity, decimal startOfDayEquity, decimal peakEquity, IOutbox outbox)
    {
        var today = RiskAccount.UtcDay(valuedAt);
        // A daily halt flagged on an earlier day is still "announced" until a valuation in a new session lifts it.
        var wasHalted = account.AdminHalted || account.DrawdownHalted || account.DailyLossHalted;
        var wasDailyToday = account.IsDailyLossHaltActive(valuedAt);
        var wasDrawdown = account.DrawdownHalted;

        RiskMonitorState state;
        if (!account.HasMonitorState)
        {
            // First valuation Risk sees: start from Portfolio's own session start and peak.
            state = new RiskMonitorState(null, startOfDayEquity, startOfDayEquity, Math.Max(peakEquity, startOfDayEquity), false, false);
        }
        else if (account.MonitorUtcDay != today)
        {
            // A new session: its start is Portfolio's start-of-day equity (the previous close).
            state = account.CaptureState() with { LastEquity = startOfDayEquity > 0m ? startOfDayEquity : account.MonitorLastEquity };
        }
        else
        {
            state = account.CaptureState();
        }

        var monitor = RiskMonitor.Restore(limits, state);
        monitor.Observe(valuedAt, equity);
        account.Store(monitor.Capture());

        if (account.DrawdownHalted && !wasDrawdown)
        {
            account.DrawdownHaltedAt = valuedAt;
            outbox.Add(new TradingHalted(account.UserId, RiskReasonCodes.Drawdown,
                Invariant($"Equity {equity:0.00} fell {Percent(limits.MaxDrawdownFraction ?? 0m)} or more below its peak of {monitor.PeakEquity:0.00}. Opening orders are halted until you acknowledge and resume."),
                valuedAt, null, account.Account));
        }

        if (account.DailyLossHalted && !wasDailyToday)
        {
            account.DailyLossHaltedAt = valuedAt;
            outbox.Add(new TradingHalted(account.UserId, RiskReasonCodes.DailyLoss,
                Invariant($"The day's loss reached {Percent(limits.DailyLossFraction ?? 0m)} of start-of-day equity ({monitor.StartOfDayEquity:0.00} → {equity:0.00}). Opening orders are halted until the next session."),
                valuedAt, RiskAccount.NextSession(valuedAt), account.Account));
        }

        if (wasHalted && !IsHalted(account, valuedAt))
        {
            outbox.Add(new TradingResumed(account.UserId, "A new trading session started; the daily-loss halt has lapsed.", valuedAt, account.Account));
        }
    }

    /// <summary>Any halt blocking opening orders for this user at <paramref name="now"/> (the kill switch aside).</summary>
    public static bool IsHalted(RiskAccount account, DateTimeOffset now) =>
        account.AdminHalted || account.DrawdownHalted || account.IsDailyLossHaltActive(now);

    public static RiskHaltStatus Status(RiskAccount account, DateTimeOffset now) =>
        (account.IsDailyLossHaltActive(now) ? RiskHaltStatus.DailyLoss : RiskHaltStatus.None)
        | (account.DrawdownHalted ? RiskHaltStatus.Drawdown : RiskHaltStatus.None);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
