namespace TradeNova.Contracts.Execution;

/// <summary>One position in a <see cref="BrokerAccountSynced"/>: signed quantity (negative = short), the broker's
/// average entry price and market value.</summary>
public sealed record BrokerPosition(string Symbol, decimal Quantity, decimal AverageEntryPrice, decimal MarketValue);
