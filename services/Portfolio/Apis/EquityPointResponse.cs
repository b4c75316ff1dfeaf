namespace TradeNova.Portfolio.Apis;

/// <summary>A point of the equity curve: <paramref name="Kind"/> is <c>daily</c> (a day's close, from the snapshots),
/// <c>intraday</c> (today's line) or <c>live</c> (now, from the latest prices). Drawdown is a positive fraction.</summary>
public sealed record EquityPointResponse(DateTimeOffset Time, decimal Equity, decimal Drawdown, string Kind);
