namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>Filters of <c>GET /v2/orders</c>; null means Alpaca's default.</summary>
public sealed record AlpacaOrderQuery
{
    /// <summary><c>open</c> (Alpaca's default), <c>closed</c> or <c>all</c>.</summary>
    public string? Status { get; init; }

    /// <summary>At most 500.</summary>
    public int? Limit { get; init; }

    public DateTimeOffset? After { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary><c>asc</c> or <c>desc</c>.</summary>
    public string? Direction { get; init; }

    public bool? Nested { get; init; }

    public IReadOnlyList<string>? Symbols { get; init; }
}
