namespace TradeNova.Execution.Strategies;

/// <summary>Why a run stopped (the contract's <c>stopReason</c>).</summary>
public static class StopReasons
{
    public const string User = "user";
    public const string RiskHalt = "risk-halt";
    public const string KillSwitch = "kill-switch";
    public const string SubscriptionLapsed = "subscription-lapsed";
    public const string Error = "error";

    public const string KillSwitchCode = "risk.kill_switch";

    /// <summary>A halt's code as a stop reason: the admin kill switch is named; every other halt is a risk halt.</summary>
    public static string ForHalt(string code) => code == KillSwitchCode ? KillSwitch : RiskHalt;
}
