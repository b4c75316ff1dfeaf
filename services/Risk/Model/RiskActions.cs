namespace TradeNova.Risk.Model;

/// <summary>Audit action names (stable; shown on the admin pages).</summary>
public static class RiskActions
{
    public const string LimitsChanged = "limits.changed";
    public const string UserResumed = "halt.resumed_by_user";
    public const string AdminHalted = "halt.admin_halted";
    public const string AdminResumed = "halt.admin_resumed";
    public const string KillSwitchOn = "kill_switch.on";
    public const string KillSwitchOff = "kill_switch.off";
}
