using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Checks;

/// <summary>What the check knows about the account at this moment (read model + halts + entitlement).</summary>
/// <param name="Positions">Signed quantity per symbol (non-zero only).</param>
/// <param name="MonitorHalts">Daily-loss / drawdown halts in force now.</param>
/// <param name="ChecksShortSelling">The paper account refuses sells beyond the long position; a live account holds what
/// its broker allows and reports (Alpaca applies its own shorting rules), so there the rule is the broker's.</param>
public sealed record AccountView(
    decimal Equity,
    decimal Cash,
    IReadOnlyDictionary<string, decimal> Positions,
    RiskHaltStatus MonitorHalts,
    bool AdminHalted,
    bool KillSwitch,
    bool Entitled,
    string? SubscriptionStatus,
    bool HasValuation,
    bool ChecksShortSelling = true);
