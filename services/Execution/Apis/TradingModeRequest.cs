namespace TradeNova.Execution.Apis;

/// <summary>Body of <c>PUT /api/v1/execution/account</c>: where the user's orders go by default, <c>paper</c> or <c>live</c>.</summary>
public sealed record TradingModeRequest(string? Mode);
