using System.Collections.Concurrent;
using TradeNova.Contracts.Market;

namespace TradeNova.Portfolio.Valuation;

/// <summary>The newest quote per symbol in this instance's memory (every instance consumes every price update on its
/// own temporary queue). Marks are computed from here; the database sees them only coalesced.</summary>
public sealed class LatestPrices
{
    private readonly ConcurrentDictionary<string, MarketPrice> _prices = new(StringComparer.OrdinalIgnoreCase);
    private long _revision;

    /// <summary>Bumped on every update, so the valuation worker can tell whether anything moved.</summary>
    public long Revision => Interlocked.Read(ref _revision);

    public void Update(IEnumerable<MarketPrice> prices)
    {
        foreach (var price in prices)
        {
            if (price.Last > 0m)
            {
                _prices.AddOrUpdate(price.Symbol.ToUpperInvariant(), price, (_, old) => price.Timestamp >= old.Timestamp ? price : old);
            }
        }

        Interlocked.Increment(ref _revision);
    }

    public bool TryGet(string symbol, out MarketPrice price) => _prices.TryGetValue(symbol, out price!);

    public decimal PriceOr(string symbol, decimal fallback) => _prices.TryGetValue(symbol, out var price) ? price.Last : fallback;

    /// <summary>How a portfolio's positions are priced: paper at these (the simulated market's) prices; live at the
    /// broker's own prices (its last report, or a later fill's price), since the simulated market says nothing about a
    /// real account.</summary>
    public Func<string, decimal, decimal> For(UserPortfolio portfolio) =>
        portfolio.Mode == PortfolioAccounts.Live ? static (_, fallback) => fallback : PriceOr;
}
