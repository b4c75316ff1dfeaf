namespace TradeNova.Execution.Brokers.Alpaca.Dto;

public sealed record AlpacaActivityQuery
{
    /// <summary>E.g. <c>FILL</c>, <c>DIV</c>; empty means all types.</summary>
    public IReadOnlyList<string>? ActivityTypes { get; init; }

    public DateTimeOffset? After { get; init; }

    public DateTimeOffset? Until { get; init; }

    public string? Direction { get; init; }

    /// <summary>At most 100.</summary>
    public int? PageSize { get; init; }

    /// <summary>The id of the last activity of the previous page.</summary>
    public string? PageToken { get; init; }
}
