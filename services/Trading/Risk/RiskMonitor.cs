namespace TradeNova.Trading.Risk;

/// <summary>The equity monitors of one account: start-of-day equity per UTC trading date and peak equity, and the
/// halts they trigger. It is fed equity observations in time order (the engine after each mark to market, the live
/// Risk service on each valuation) and allocates nothing per observation, so the backtest hot loop can call it on
/// every bar.</summary>
/// <remarks>Start-of-day equity is the last equity observed before the first observation of a new UTC date (the
/// previous close); a daily-loss halt lifts when the date changes. A drawdown halt lifts only through
/// <see cref="ResetDrawdownHalt"/>, which also restarts the peak from the current equity.</remarks>
public sealed class RiskMonitor
{
    private readonly bool _dailyLossOn;
    private readonly bool _drawdownOn;
    private readonly decimal _dailyKeep;
    private readonly decimal _drawdownKeep;
    private long _currentDay = long.MinValue;
    private decimal _lastEquity;
    private decimal _dailyFloor;
    private decimal _drawdownFloor;
    private bool _dailyHalted;
    private bool _drawdownHalted;

    public RiskMonitor(RiskLimits limits, decimal initialEquity)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _dailyLossOn = limits.DailyLossFraction is not null;
        _drawdownOn = limits.MaxDrawdownFraction is not null;
        _dailyKeep = 1m - (limits.DailyLossFraction ?? 0m);
        _drawdownKeep = 1m - (limits.MaxDrawdownFraction ?? 0m);
        _lastEquity = initialEquity;
        StartOfDayEquity = initialEquity;
        SetPeak(initialEquity);
    }

    /// <summary>False when both monitored limits are off: the engine then skips the monitor altogether.</summary>
    public bool IsActive => _dailyLossOn || _drawdownOn;

    public decimal StartOfDayEquity { get; private set; }

    public decimal PeakEquity { get; private set; }

    public RiskHaltStatus Status =>
        (_dailyHalted ? RiskHaltStatus.DailyLoss : RiskHaltStatus.None) | (_drawdownHalted ? RiskHaltStatus.Drawdown : RiskHaltStatus.None);

    public RiskHaltStatus Observe(DateTimeOffset time, decimal equity) => Observe(time.UtcTicks, equity);

    /// <summary>Records the equity at <paramref name="utcTicks"/> and returns the halts now in force.</summary>
    public RiskHaltStatus Observe(long utcTicks, decimal equity) => ObserveOnDay(utcTicks / TimeSpan.TicksPerDay, equity);

    /// <summary>As <see cref="Observe(long, decimal)"/>, for callers that already know the UTC day number (days since
    /// 0001-01-01): the engine precomputes it once per data set instead of dividing on every bar.</summary>
    public RiskHaltStatus ObserveOnDay(long utcDay, decimal equity)
    {
        var day = utcDay;
        if (day != _currentDay)
        {
            _currentDay = day;
            StartOfDayEquity = _lastEquity;
            _dailyHalted = false;
            if (_dailyLossOn)
            {
                _dailyFloor = _lastEquity * _dailyKeep;
            }
        }

        _lastEquity = equity;
        if (equity > PeakEquity)
        {
            SetPeak(equity);
        }

        if (_dailyLossOn && !_dailyHalted && equity <= _dailyFloor)
        {
            _dailyHalted = true;
        }

        if (_drawdownOn && !_drawdownHalted && equity <= _drawdownFloor)
        {
            _drawdownHalted = true;
        }

        return Status;
    }

    /// <summary>The monitor's memory, to persist.</summary>
    public RiskMonitorState Capture() => new(
        _currentDay == long.MinValue ? null : _currentDay, _lastEquity, StartOfDayEquity, PeakEquity, _dailyHalted, _drawdownHalted);

    /// <summary>A monitor that continues from a persisted state under (possibly changed) limits: thresholds are
    /// recomputed from the limits, halts already in force stay in force.</summary>
    public static RiskMonitor Restore(RiskLimits limits, RiskMonitorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var monitor = new RiskMonitor(limits, state.LastEquity)
        {
            _currentDay = state.CurrentUtcDay ?? long.MinValue,
            StartOfDayEquity = state.StartOfDayEquity,
            _dailyHalted = state.DailyLossHalted,
            _drawdownHalted = state.DrawdownHalted,
        };
        monitor.SetPeak(state.PeakEquity);
        if (monitor._dailyLossOn)
        {
            monitor._dailyFloor = state.StartOfDayEquity * monitor._dailyKeep;
        }

        return monitor;
    }

    /// <summary>Lifts a drawdown halt (an operator's or user's decision) and measures future drawdowns from
    /// <paramref name="currentEquity"/>.</summary>
    public void ResetDrawdownHalt(decimal currentEquity)
    {
        _drawdownHalted = false;
        SetPeak(currentEquity);
    }

    private void SetPeak(decimal equity)
    {
        PeakEquity = equity;
        if (_drawdownOn)
        {
            _drawdownFloor = equity * _drawdownKeep;
        }
    }
}
