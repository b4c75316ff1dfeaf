using TradeNova.Execution.Apis;
using TradeNova.Execution.Market;

namespace TradeNova.Execution.Strategies;

/// <summary>A run's P&amp;L from its own fills (<see cref="StrategyBook"/>), positions marked at the current simulated quote.</summary>
public static class StrategyPnl
{
    public static StrategyPnlView From(StrategyBook book, PriceSimulator prices, DateTimeOffset now)
    {
        var positions = book.Positions.Where(p => p.Value.Quantity != 0m).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var mark = SymbolUniverse.TryGetIndex(p.Key, out var index) ? prices.PriceAt(index, now) : p.Value.AveragePrice;
            var value = p.Value.Quantity * mark;
            return new StrategyPositionView(p.Key, p.Value.Quantity, Math.Round(p.Value.AveragePrice, 6), mark, Math.Round(value, 2),
                Math.Round(p.Value.Quantity * (mark - p.Value.AveragePrice), 2));
        }).ToList();
        var unrealized = positions.Sum(p => p.UnrealizedPnl);
        var realized = Math.Round(book.Realized, 2);
        var fees = Math.Round(book.Fees, 2);
        return new StrategyPnlView(realized, unrealized, fees, realized + unrealized - fees, positions);
    }
}
