namespace TradeNova.Execution.Brokers.Alpaca.Reconciliation;

/// <summary>A fill not yet applied locally: the quantity Alpaca filled beyond what TradeNova recorded, at this price.</summary>
public sealed record BrokerFill(decimal Quantity, decimal Price, DateTimeOffset? At, string? ExecutionId);
