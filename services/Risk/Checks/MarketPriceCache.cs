using System.Collections.Concurrent;

namespace TradeNova.Risk.Checks;

/// <summary>The symbol universe and last prices in memory (every Risk instance consumes every price update).
/// Seeded from the database after a restart so the universe is known before the next tick.</summary>
public sealed class MarketPriceCache
{
    private readonly ConcurrentDictionary<string, (decimal Last, DateTimeOffset At)> _prices = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _prices.IsEmpty;

    public int Count => _prices.Count;

    /// <summary>Bumped on every update so the persister knows whether anything moved.</summary>
    public long Revision => Interlocked.Read(ref _revision);

    private long _revision;

    public void Set(string symbol, decimal last, DateTimeOffset at)
    {
        _prices.AddOrUpdate(symbol, (last, at), (_, old) => at >= old.At ? (last, at) : old);
        Interlocked.Increment(ref _revision);
    }

    public bool TryGet(string symbol, out decimal last)
    {
        if (_prices.TryGetValue(symbol, out var price))
        {
            last = price.Last;
            return true;
        }

        last = 0m;
        return false;
    }

    public IReadOnlyList<(string Symbol, decimal Last, DateTimeOffset At)> Snapshot() =>
        _prices.Select(pair => (pair.Key, pair.Value.Last, pair.Value.At)).ToList();
}
