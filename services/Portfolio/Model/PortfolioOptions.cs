namespace TradeNova.Portfolio.Model;

/// <summary><c>TradeNova:Portfolio</c>: how often marks are persisted and published (coalescing).</summary>
public sealed class PortfolioOptions
{
    /// <summary>At most one persisted mark and one <c>PortfolioValued</c> per portfolio per interval while prices move
    /// (fills always revalue at once).</summary>
    public TimeSpan ValuationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The periodic pass is spread over its interval in this many evenly spaced batches (each a short
    /// transaction and one <c>PortfoliosValued</c>), so a pass over every holder is a steady trickle among the fills
    /// rather than one burst of work that the orders behind it wait out.</summary>
    public int ValuationSlices { get; set; } = 10;

    /// <summary>Spacing of today's intraday equity points.</summary>
    public TimeSpan IntradayPointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an instance announces itself to the other Portfolio instances (<c>PortfolioInstanceOnline</c>).</summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An instance not heard from for this long is taken to have stopped (a few missed announcements).</summary>
    public TimeSpan PeerTimeout { get; set; } = TimeSpan.FromSeconds(35);

    /// <summary>After start, an instance assumes others may be running for this long, while their answers arrive.</summary>
    public TimeSpan PeerGrace { get; set; } = TimeSpan.FromSeconds(5);
}
