namespace TradeNova.Contracts.Portfolio;

/// <summary>One open position in a <see cref="PortfolioValued"/>: signed quantity (negative = short) and market value.</summary>
public sealed record PositionValuation(string Symbol, decimal Quantity, decimal AverageCost, decimal LastPrice, decimal MarketValue);
