namespace TradeNova.Backtest.Model;

/// <summary>The full outcome of a succeeded job, as JSON documents (json, stored as written): the payload the API returns, the trades
/// and the daily equity with drawdown (these two also back the CSV exports).</summary>
public sealed class BacktestJobResult
{
    public Guid BacktestId { get; init; }

    public required string Payload { get; init; }

    /// <summary>Null when the payload's own run holds them (<see cref="Running.ResultDocuments"/>).</summary>
    public string? Trades { get; init; }

    /// <summary>Null when the payload's own run holds it.</summary>
    public string? Equity { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
