using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Checks;

/// <summary>What the check knows about the account at this moment (read model + halts + entitlement).</summary>
/// <param name="Positions">Signed quantity per symbol (non-zero only).</param>
/// <param name="MonitorHalts">Daily-loss / drawdown halts in force now.</param>
public sealed record AccountView(
    decimal Equity,
    decimal Cash,
    IReadOnlyDictionary<string, decimal> Positions,
    RiskHaltStatus MonitorHalts,
    bool AdminHalted,
    bool KillSwitch,
    bool Entitled,
    string? SubscriptionStatus,
    bool HasValuation);
