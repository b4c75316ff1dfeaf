namespace TradeNova.Execution.Apis;

/// <summary>Why a symbol goes back to the plain simulation.</summary>
public sealed record MarketShockResetRequest(string? Reason);
