namespace TradeNova.Backtest.Data.Alpaca;

/// <summary>One answer of Execution's <c>GET /api/v1/market/bars</c>; <see cref="NextPageToken"/> null on the last.</summary>
public sealed record ExecutionBarsPage(string? Source, string? Timeframe, IReadOnlyList<ExecutionBar>? Bars, string? NextPageToken);
