namespace TradeNova.Risk.Halts;

/// <summary>Codes on <c>TradingHalted</c> besides the monitors' (<c>risk.daily_loss_halt</c>, <c>risk.drawdown_halt</c>).</summary>
public static class HaltCodes
{
    public const string KillSwitch = "risk.kill_switch";
}
