namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>
/// <c>GET /v2/account/activities</c>: trade activities (<c>FILL</c>) and non-trade ones (dividends, fees, transfers) in one
/// shape, so every field but the id and type is optional.
/// </summary>
public sealed record AlpacaActivity
{
    /// <summary>Also the paging token of <c>page_token</c>.</summary>
    public required string Id { get; init; }

    public required string ActivityType { get; init; }

    public DateTimeOffset? TransactionTime { get; init; }

    /// <summary>For a fill: <c>fill</c> or <c>partial_fill</c>.</summary>
    public string? Type { get; init; }

    public string? Symbol { get; init; }

    public string? Side { get; init; }

    public decimal? Qty { get; init; }

    public decimal? Price { get; init; }

    public decimal? CumQty { get; init; }

    public decimal? LeavesQty { get; init; }

    public string? OrderId { get; init; }

    public string? OrderStatus { get; init; }

    public DateOnly? Date { get; init; }

    public decimal? NetAmount { get; init; }

    public string? Description { get; init; }

    public string? Status { get; init; }
}
