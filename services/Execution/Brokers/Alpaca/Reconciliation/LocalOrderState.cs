namespace TradeNova.Execution.Brokers.Alpaca.Reconciliation;

/// <summary>
/// What TradeNova has recorded of an order it sent to Alpaca: status (<see cref="OrderStatuses"/>), cumulative filled
/// quantity and value (sum of quantity × price of the fills applied so far).
/// </summary>
public sealed record LocalOrderState(string ClientOrderId, string Status, decimal FilledQuantity, decimal FilledValue, string? BrokerOrderId = null);
