namespace TradeNova.Trading.Results;

/// <summary>Account equity at the close of one time step (daily for daily bars).</summary>
public readonly record struct EquityPoint(DateTimeOffset Time, decimal Equity);
