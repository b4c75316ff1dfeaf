namespace TradeNova.Execution.Exchange;

/// <summary>Bound from <c>TradeNova:PaperExchange</c>: the costs of the built-in exchange (defaults as in backtests: none).</summary>
public sealed class PaperExchangeOptions
{
    public decimal CommissionPerShare { get; set; }

    /// <summary>Fraction of the traded value (0.001 = 0.1%).</summary>
    public decimal CommissionPercentOfNotional { get; set; }

    public decimal CommissionMinimum { get; set; }

    /// <summary>Against the trader on market and stop fills (never on limit fills), as <c>FixedBpsSlippage</c>.</summary>
    public decimal SlippageBasisPoints { get; set; }

    /// <summary>Orders one exchange pass claims at most (the rest wait for the next tick).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Shortest gap between passes woken by acceptances (under a burst, one pass then takes many orders).</summary>
    public TimeSpan WakeupSpacing { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How often the book's bounds are read again (<see cref="RestingOrderBounds"/>): the longest an order another
    /// instance placed, or a row written outside the services, waits for this instance's passes to see it.
    /// </summary>
    public TimeSpan BoundsRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}
