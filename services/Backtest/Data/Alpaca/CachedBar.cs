using TradeNova.Trading.Data;

namespace TradeNova.Backtest.Data.Alpaca;

/// <summary>A bar as the cache stores it (short names: a decade of daily bars stays small).</summary>
public sealed record CachedBar(DateTimeOffset T, decimal O, decimal H, decimal L, decimal C, decimal V)
{
    public Bar ToBar() => new(T, O, H, L, C, V);
}
