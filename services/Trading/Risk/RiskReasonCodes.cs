namespace TradeNova.Trading.Risk;

/// <summary>Stable codes of risk rejections. Clients and the live Risk service match on these strings, so they never
/// change once published.</summary>
public static class RiskReasonCodes
{
    public const string MaxPosition = "risk.max_position";
    public const string MaxOpenPositions = "risk.max_open_positions";
    public const string DailyLossHalt = "risk.daily_loss_halt";
    public const string DrawdownHalt = "risk.drawdown_halt";
}
