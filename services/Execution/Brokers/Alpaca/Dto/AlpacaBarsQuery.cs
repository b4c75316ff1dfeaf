namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary><c>GET /v2/stocks/bars</c>: <see cref="Timeframe"/> such as <c>1Day</c>, <c>1Hour</c>, <c>15Min</c>.</summary>
public sealed record AlpacaBarsQuery
{
    public required IReadOnlyList<string> Symbols { get; init; }

    public required string Timeframe { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    /// <summary><c>raw</c>, <c>split</c>, <c>dividend</c> or <c>all</c>.</summary>
    public string? Adjustment { get; init; }

    /// <summary>Bars per page, at most 10000.</summary>
    public int? PageLimit { get; init; }
}
