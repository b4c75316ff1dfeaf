namespace TradeNova.Execution.Market;

/// <summary>Bound from <c>TradeNova:Market</c>. Every instance with the same seed and epoch shows the same prices.</summary>
public sealed class SimulationOptions
{
    public ulong Seed { get; set; } = 20261201;

    /// <summary>The UTC day whose midnight price is each symbol's reference price.</summary>
    public DateTimeOffset Epoch { get; set; } = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How often the exchange looks at prices (each look is a tick); market orders fill at the next one.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often <c>MarketPricesUpdated</c> is published (coalesced: one message for every symbol).</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Spread shown around the last price, in basis points (at least one cent).</summary>
    public decimal SpreadBasisPoints { get; set; } = 2m;

    /// <summary>Simulated shares on offer per tick (each side), drawn per tick between these: the per-tick liquidity cap.</summary>
    public decimal MinQuoteSize { get; set; } = 100m;

    public decimal MaxQuoteSize { get; set; } = 1_000m;

    /// <summary>How often each instance looks for new price shocks (<see cref="MarketShockRefresher"/>).</summary>
    public TimeSpan ShockRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A shock takes effect this long after an operator records it: longer than the refresh interval, so every instance
    /// has it loaded before it applies and all of them show the same price at the same instant.
    /// </summary>
    public TimeSpan ShockPropagationDelay { get; set; } = TimeSpan.FromSeconds(2);
}
