namespace TradeNova.Trading.Risk;

/// <summary>What the pre-trade check needs to know about an account at the moment an order is proposed.</summary>
/// <param name="Equity">Cash plus positions at their latest prices.</param>
/// <param name="OpenPositions">Number of symbols with a non-zero position.</param>
/// <param name="Halt">The monitors' current halts.</param>
public readonly record struct AccountSnapshot(decimal Equity, int OpenPositions, RiskHaltStatus Halt);
