namespace TradeNova.Execution.Strategies;

/// <summary>
/// An order the strategy asked for at one bar, as sent: its idempotency key is derived from (run, bar time, sequence)
/// (<see cref="StrategyOrderKeys"/>), so carrying it out again after a crash finds the order already placed.
/// </summary>
public sealed class StrategySignal
{
    public Guid RunId { get; init; }

    public DateTimeOffset Time { get; init; }

    public int Sequence { get; init; }

    public required string Symbol { get; init; }

    public required string Side { get; init; }

    public required string OrderType { get; init; }

    /// <summary>Whole shares; zero when the sizing came to nothing (then no order is sent).</summary>
    public decimal Quantity { get; init; }

    /// <summary>
    /// Sized as the whole position (an exit): its quantity is taken again when it is sent, after the step's cancels, as
    /// what the position still holds beyond the run's other open closing orders — an earlier exit may have filled (or
    /// refused to cancel) between the bar's decision and now, and a live account must not sell what it no longer has.
    /// </summary>
    public bool ClosesPosition { get; init; }

    public decimal? LimitPrice { get; init; }

    public decimal? StopPrice { get; init; }

    public decimal? StopLoss { get; init; }

    public decimal? TakeProfit { get; init; }

    public required string IdempotencyKey { get; init; }

    public Guid? OrderId { get; set; }

    /// <summary><c>pending</c> until placed, then <c>placed</c>; <c>skipped</c> (nothing to trade) or <c>refused</c> (not placed).</summary>
    public required string Status { get; set; }

    public string? Detail { get; set; }
}
