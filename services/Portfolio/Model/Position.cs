namespace TradeNova.Portfolio.Model;

/// <summary>An open position: signed quantity (negative = short), average cost (fees excluded), last mark.</summary>
public sealed class Position
{
    public Guid PortfolioId { get; init; }

    public required string Symbol { get; init; }

    public decimal Quantity { get; set; }

    public decimal AverageCost { get; set; }

    public decimal LastPrice { get; set; }

    /// <summary>Realized P&amp;L of this symbol since the position was opened (before fees).</summary>
    public decimal RealizedPnl { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
