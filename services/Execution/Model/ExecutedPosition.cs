namespace TradeNova.Execution.Model;

/// <summary>
/// Net shares per user and symbol from this service's own fills. Not the portfolio (Portfolio owns that): it only
/// tells the exchange when a bracket no longer protects anything (the position was closed or flipped by another order).
/// </summary>
public sealed class ExecutedPosition
{
    public Guid UserId { get; init; }

    public required string Symbol { get; init; }

    public decimal Quantity { get; set; }
}
