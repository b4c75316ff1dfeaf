namespace TradeNova.Portfolio.Model;

/// <summary><c>TradeNova:Portfolio</c>: how often marks are persisted and published (coalescing).</summary>
public sealed class PortfolioOptions
{
    /// <summary>At most one persisted mark and one <c>PortfolioValued</c> per portfolio per interval while prices move
    /// (fills always revalue at once).</summary>
    public TimeSpan ValuationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Spacing of today's intraday equity points.</summary>
    public TimeSpan IntradayPointInterval { get; set; } = TimeSpan.FromMinutes(1);
}
