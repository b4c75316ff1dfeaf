namespace TradeNova.Execution.Strategies;

/// <summary>
/// One bar the strategy saw, written before its orders are placed: the bars, what the context reported (cash, equity,
/// positions, pending orders) and the cancels it asked for. An instance taking the run over replays every step through
/// a fresh strategy with exactly these inputs, so the strategy's state (indicators, counters) is what it was; a step
/// not <see cref="Completed"/> has its cancels and orders carried out again (orders by their idempotency keys).
/// </summary>
public sealed class StrategyStep
{
    public Guid RunId { get; init; }

    /// <summary>Open time of the step's bars.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary><see cref="StepRecord"/> as JSON.</summary>
    public required string Record { get; init; }

    public bool Completed { get; set; }
}
