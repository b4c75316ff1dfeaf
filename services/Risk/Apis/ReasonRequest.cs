namespace TradeNova.Risk.Apis;

/// <summary>Body of admin actions (and optional for the user's resume): why, for the audit log.</summary>
public sealed record ReasonRequest(string? Reason);
