namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>An order as Alpaca reports it (REST and the <c>trade_updates</c> stream). Quantities are cumulative.</summary>
public sealed record AlpacaOrder
{
    public required string Id { get; init; }

    public required string ClientOrderId { get; init; }

    public required string Status { get; init; }

    public string? Symbol { get; init; }

    public string? AssetClass { get; init; }

    public string? Side { get; init; }

    public string? Type { get; init; }

    public string? OrderClass { get; init; }

    public string? TimeInForce { get; init; }

    public decimal? Qty { get; init; }

    public decimal? Notional { get; init; }

    public decimal? FilledQty { get; init; }

    public decimal? FilledAvgPrice { get; init; }

    public decimal? LimitPrice { get; init; }

    public decimal? StopPrice { get; init; }

    public decimal? TrailPrice { get; init; }

    public decimal? TrailPercent { get; init; }

    public bool? ExtendedHours { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? FilledAt { get; init; }

    public DateTimeOffset? CanceledAt { get; init; }

    public DateTimeOffset? ExpiredAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    public string? ReplacedBy { get; init; }

    public string? Replaces { get; init; }

    /// <summary>The take-profit and stop-loss legs of a bracket, OCO or OTO order (<c>nested=true</c>).</summary>
    public IReadOnlyList<AlpacaOrder>? Legs { get; init; }
}
