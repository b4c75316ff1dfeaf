namespace TradeNova.Portfolio.Reconciliation;

/// <summary>One figure the portfolio had wrong: <paramref name="Kind"/> <c>cash</c>, <c>quantity</c> or
/// <c>average_price</c> (of <paramref name="Symbol"/>), the portfolio's value and the broker's.</summary>
public sealed record ReconciliationDifference(string Kind, string? Symbol, decimal PortfolioValue, decimal BrokerValue);
