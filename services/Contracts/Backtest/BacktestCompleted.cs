namespace TradeNova.Contracts.Backtest;

/// <summary>A backtest job finished; <paramref name="Status"/> is <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
public sealed record BacktestCompleted(
    Guid UserId,
    Guid BacktestId,
    string Status,
    decimal? TotalReturn,
    decimal? MaxDrawdown,
    int? Trades,
    DateTimeOffset CompletedAt);
