namespace TradeNova.Execution.Model;

/// <summary>
/// An operator's price shock on the simulated feed: from <see cref="EffectiveAt"/> on, the symbol's simulated price is
/// multiplied by <see cref="Factor"/> (1 = the plain simulation). Rows are never updated or deleted: the table is the
/// audit trail of who moved which price, when and why; a reset is a new row with factor 1.
/// </summary>
public sealed class MarketShock
{
    public long Id { get; init; }

    public required string Symbol { get; init; }

    /// <summary>Multiplier on the simulated path, relative to the unshocked simulation (not to the previous shock).</summary>
    public decimal Factor { get; init; }

    /// <summary>The change the operator asked for, relative to the price in force before it (percent).</summary>
    public decimal ChangePercent { get; init; }

    public DateTimeOffset EffectiveAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid ActorId { get; init; }

    public required string Reason { get; init; }
}
