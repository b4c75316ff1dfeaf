namespace TradeNova.Execution.Apis;

/// <summary>The body of <c>PUT /api/v1/broker/connection</c>. Write-only: no response ever contains the keys.</summary>
public sealed record BrokerConnectionRequest(string? Broker, string? Environment, string? KeyId, string? SecretKey);
