namespace TradeNova.Trading.Risk;

/// <summary>Everything a <see cref="RiskMonitor"/> remembers, so the live Risk service can persist it between equity
/// updates (and across restarts) and carry on exactly where it stopped.</summary>
/// <param name="CurrentUtcDay">UTC day number (days since 0001-01-01) of the last observation, or null before any.</param>
public sealed record RiskMonitorState(
    long? CurrentUtcDay,
    decimal LastEquity,
    decimal StartOfDayEquity,
    decimal PeakEquity,
    bool DailyLossHalted,
    bool DrawdownHalted);
