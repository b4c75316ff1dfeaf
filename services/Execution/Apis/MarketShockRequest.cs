namespace TradeNova.Execution.Apis;

/// <summary>Move a symbol's simulated price by <see cref="ChangePercent"/> (e.g. -15) relative to the price in force.</summary>
public sealed record MarketShockRequest(string? Symbol, decimal? ChangePercent, string? Reason);
