using System.Text.Json;
using TradeNova.Execution.Apis;
using TradeNova.Execution.Market;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// A run's P&amp;L from its own fills (<see cref="StrategyBook"/>). A paper run's positions are marked at the current
/// simulated quote; a live run's at the last close of its own bars (<paramref name="lastCloses"/>, the broker's market
/// data), since the simulation knows nothing of the live market; a symbol without either is marked at its cost.
/// </summary>
public static class StrategyPnl
{
    public static StrategyPnlView From(
        StrategyBook book, PriceSimulator prices, DateTimeOffset now, IReadOnlyDictionary<string, decimal>? lastCloses = null)
    {
        var positions = book.Positions.Where(p => p.Value.Quantity != 0m).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var mark = lastCloses is not null
                ? lastCloses.GetValueOrDefault(p.Key, p.Value.AveragePrice)
                : SymbolUniverse.TryGetIndex(p.Key, out var index) ? prices.PriceAt(index, now) : p.Value.AveragePrice;
            var value = p.Value.Quantity * mark;
            return new StrategyPositionView(p.Key, p.Value.Quantity, Math.Round(p.Value.AveragePrice, 6), mark, Math.Round(value, 2),
                Math.Round(p.Value.Quantity * (mark - p.Value.AveragePrice), 2));
        }).ToList();
        var unrealized = positions.Sum(p => p.UnrealizedPnl);
        var realized = Math.Round(book.Realized, 2);
        var fees = Math.Round(book.Fees, 2);
        return new StrategyPnlView(realized, unrealized, fees, realized + unrealized - fees, positions);
    }

    /// <summary>Each symbol's close in the run's latest steps that have a bar for it (a live run's marks).</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> LastClosesAsync(
        ExecutionDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        var records = await db.StrategySteps.AsNoTracking().Where(s => s.RunId == runId)
            .OrderByDescending(s => s.Time).Take(LastStepsForMarks).Select(s => s.Record).ToListAsync(cancellationToken);
        var closes = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var bar in JsonSerializer.Deserialize<StepRecord>(record, StrategyStepProcessor.Json)!.Bars)
            {
                closes.TryAdd(bar.Symbol, bar.Close);
            }
        }

        return closes;
    }

    private const int LastStepsForMarks = 20;
}
