namespace TradeNova.Portfolio.Model;

/// <summary>One applied fill: the trade history row. <see cref="FillId"/> is the primary key, the second guard (behind
/// the inbox) that a fill changes the portfolio once.</summary>
public sealed class Fill
{
    public Guid FillId { get; init; }

    public Guid OrderId { get; init; }

    public Guid PortfolioId { get; init; }

    public Guid UserId { get; init; }

    public required string Symbol { get; init; }

    /// <summary><c>buy</c> or <c>sell</c>.</summary>
    public required string Side { get; init; }

    public decimal Quantity { get; init; }

    public decimal Price { get; init; }

    public decimal Fee { get; init; }

    /// <summary>Signed cash change of the fill (fee included): negative for buys.</summary>
    public decimal CashChange { get; init; }

    public decimal RealizedPnl { get; init; }

    /// <summary>Quantity of the existing position this fill closed (0 for an opening fill).</summary>
    public decimal ClosedQuantity { get; init; }

    /// <summary>Average cost of the position before the fill: the entry price of what it closed.</summary>
    public decimal AverageCostBefore { get; init; }

    public DateTimeOffset? PositionOpenedAt { get; init; }

    public decimal PositionAfter { get; init; }

    public DateTimeOffset FilledAt { get; init; }

    public string? ClientOrderId { get; init; }

    public Guid? StrategyId { get; init; }
}
