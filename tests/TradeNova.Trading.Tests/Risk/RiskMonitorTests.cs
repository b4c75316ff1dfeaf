using TradeNova.Trading.Risk;

namespace TradeNova.Trading.Tests.Risk;

public class RiskMonitorTests
{
    private static readonly DateTimeOffset Monday = new(2024, 1, 1, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Start_of_day_equity_is_the_last_equity_before_the_utc_date_changes()
    {
        var monitor = new RiskMonitor(RiskLimits.PlatformDefaults, 100_000m);

        monitor.Observe(Monday, 101_000m);
        monitor.Observe(Monday.AddHours(2), 102_000m); // 23:00 UTC, still Monday
        monitor.StartOfDayEquity.ShouldBe(100_000m);
        monitor.Observe(Monday.AddHours(4), 99_000m);  // Tuesday 01:00 UTC
        monitor.StartOfDayEquity.ShouldBe(102_000m);
    }

    [Fact]
    public void Daily_loss_halt_triggers_at_the_limit_and_lifts_the_next_day()
    {
        var monitor = new RiskMonitor(RiskLimits.PlatformDefaults, 100_000m);

        monitor.Observe(Monday, 95_001m).ShouldBe(RiskHaltStatus.None);
        monitor.Observe(Monday.AddHours(1), 95_000m).ShouldBe(RiskHaltStatus.DailyLoss); // exactly 5%
        monitor.Observe(Monday.AddHours(2), 99_000m).ShouldBe(RiskHaltStatus.DailyLoss); // rest of the day
        monitor.Observe(Monday.AddDays(1), 99_000m).ShouldBe(RiskHaltStatus.None);
    }

    [Fact]
    public void Drawdown_halt_holds_until_reset_and_the_peak_restarts_from_there()
    {
        var monitor = new RiskMonitor(RiskLimits.PlatformDefaults with { DailyLossFraction = null }, 100_000m);

        monitor.Observe(Monday, 120_000m);
        monitor.PeakEquity.ShouldBe(120_000m);
        monitor.Observe(Monday.AddDays(1), 102_000m).ShouldBe(RiskHaltStatus.Drawdown); // 120,000 × 0.85 = 102,000
        monitor.Observe(Monday.AddDays(5), 119_000m).ShouldBe(RiskHaltStatus.Drawdown);

        monitor.ResetDrawdownHalt(119_000m);
        monitor.Status.ShouldBe(RiskHaltStatus.None);
        monitor.PeakEquity.ShouldBe(119_000m);
        monitor.Observe(Monday.AddDays(6), 101_151m).ShouldBe(RiskHaltStatus.None);   // above 119,000 × 0.85 = 101,150
        monitor.Observe(Monday.AddDays(7), 101_150m).ShouldBe(RiskHaltStatus.Drawdown);
    }

    [Fact]
    public void Switched_off_rules_never_halt()
    {
        var monitor = new RiskMonitor(RiskLimits.None, 100_000m);

        monitor.Observe(Monday, 1m).ShouldBe(RiskHaltStatus.None);
    }

    [Fact]
    public void A_restored_monitor_continues_exactly_where_the_captured_one_stopped()
    {
        var original = new RiskMonitor(RiskLimits.PlatformDefaults, 100_000m);
        original.Observe(Monday, 110_000m);
        original.Observe(Monday.AddDays(1), 108_000m);

        var restored = RiskMonitor.Restore(RiskLimits.PlatformDefaults, original.Capture());

        restored.Capture().ShouldBe(original.Capture());
        // Same day, start-of-day 110,000: 104,500 is exactly 5% down → both monitors halt.
        restored.Observe(Monday.AddDays(1).AddHours(1), 104_500m).ShouldBe(original.Observe(Monday.AddDays(1).AddHours(1), 104_500m));
        restored.Status.ShouldBe(RiskHaltStatus.DailyLoss);
        // Next day: the daily halt lifts, then 93,500 is both 10.5% below the day's start (104,500) and 15% below the
        // peak (110,000 × 0.85).
        restored.Observe(Monday.AddDays(2), 93_500m).ShouldBe(RiskHaltStatus.DailyLoss | RiskHaltStatus.Drawdown);
    }
}
