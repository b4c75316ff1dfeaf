namespace TradeNova.Execution.Market;

/// <summary>A symbol of the simulated universe: its reference price (USD) and annualised volatility (0.25 = 25%).</summary>
public sealed record ReferenceSymbol(string Symbol, string Name, decimal ReferencePrice, double AnnualVolatility);
