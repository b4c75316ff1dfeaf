namespace TradeNova.Backtest.Model;

/// <summary>
/// One symbol's Alpaca bars for a day range, fetched once through the user's own keys and kept for their later runs
/// (Alpaca's data licence is per user, so a set is never shared). A run over any range inside [FirstDay, LastDay] reads it.
/// </summary>
public sealed class AlpacaBarSet
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Symbol { get; init; }

    public required string Timeframe { get; init; }

    public DateOnly FirstDay { get; init; }

    public DateOnly LastDay { get; init; }

    /// <summary>The bars as a JSON array of <see cref="Data.Alpaca.CachedBar"/>, oldest first.</summary>
    public required string Bars { get; init; }

    public int BarCount { get; init; }

    public DateTimeOffset FetchedAt { get; init; }
}
