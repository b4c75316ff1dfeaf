namespace TradeNova.Portfolio.Reconciliation;

/// <summary>A fill the portfolio applied that is stamped after the broker's report: not in the broker's figures yet.</summary>
public sealed record FillSinceReport(string Symbol, bool IsBuy, decimal Quantity, decimal Price, decimal Fee);
