namespace TradeNova.Execution.Brokers.Alpaca.Reconciliation;

/// <summary>
/// What TradeNova has recorded of an order it sent to Alpaca: status (<see cref="OrderStatuses"/>), cumulative filled
/// quantity and value (sum of quantity × price of the fills applied so far). <see cref="IsBracketLeg"/>: a leg Alpaca
/// holds under its own client_order_id, so Alpaca knows it only by <see cref="BrokerOrderId"/>.
/// </summary>
public sealed record LocalOrderState(
    string ClientOrderId, string Status, decimal FilledQuantity, decimal FilledValue, string? BrokerOrderId = null, bool IsBracketLeg = false);
