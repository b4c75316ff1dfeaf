namespace TradeNova.Backtest.Data.Alpaca;

/// <summary>One bar of Execution's <c>GET /api/v1/market/bars</c> (the fields the lab uses).</summary>
public sealed record ExecutionBar(string Symbol, DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
