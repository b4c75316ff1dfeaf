namespace TradeNova.Gateway.RateLimiting;

/// <summary>Whose budget a request spends: a user id or a client address.</summary>
public readonly record struct RateLimitPartitionKey(RateLimitPartitionKind Kind, string Value);
