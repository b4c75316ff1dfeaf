namespace TradeNova.Backtest.Model;

/// <summary>The full outcome of a succeeded job, as JSON documents (jsonb): the payload the API returns, the trades
/// and the daily equity with drawdown (these two also back the CSV exports).</summary>
public sealed class BacktestJobResult
{
    public Guid BacktestId { get; init; }

    public required string Payload { get; init; }

    public required string Trades { get; init; }

    public required string Equity { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
