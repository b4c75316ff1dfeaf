using System.Text.Json;
using TradeNova.Backtest.Running;
using TradeNova.Trading.Data;

namespace TradeNova.Backtest.Data.Alpaca;

/// <summary>
/// Alpaca bars for a user's backtest: from the cache when a stored set covers the day range, otherwise fetched through
/// Execution (the user's keys) and stored, one set per symbol. Only submission fetches; a job reads the cache alone.
/// </summary>
public sealed class AlpacaBarCache(BacktestContext db, ExecutionMarketDataClient execution, TimeProvider time)
{
    public async Task<(IReadOnlyDictionary<string, BarSeries>? Series, AlpacaBarsFailure? Failure)> GetAsync(
        Guid userId, IReadOnlyList<string> symbols, string timeframe, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var series = await CachedAsync(db, userId, symbols, timeframe, start, end, cancellationToken);
        var missing = symbols.Where(s => !series.ContainsKey(s)).ToList();
        if (missing.Count == 0)
            return (series, null);

        var (bars, failure) = await execution.GetDailyBarsAsync(missing, timeframe, start, end, cancellationToken);
        if (failure is not null)
            return (null, failure);

        var now = time.GetUtcNow();
        var bySymbol = bars!.GroupBy(b => b.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var symbol in missing)
        {
            // Daily bars are stamped at midnight New York time; the engine keys days at midnight UTC, as the bundled history
            // does. Intraday bars keep their own times.
            var cached = bySymbol.GetValueOrDefault(symbol, [])
                .Select(b => new CachedBar(timeframe == DataSpecValidator.Daily ? new DateTimeOffset(b.Time.UtcDateTime.Date, TimeSpan.Zero) : b.Time,
                    b.Open, b.High, b.Low, b.Close, b.Volume))
                .DistinctBy(b => b.T).OrderBy(b => b.T).ToList();
            var set = new AlpacaBarSet
            {
                Id = Guid.CreateVersion7(now), UserId = userId, Symbol = symbol, Timeframe = timeframe, FirstDay = start, LastDay = end,
                Bars = JsonSerializer.Serialize(cached, JsonSerializerOptions.Web), BarCount = cached.Count, FetchedAt = now,
            };
            db.AlpacaBarSets.Add(set);
            series[symbol] = ToSeries(set, cached);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent submission of the same user stored the same range first: its bars serve as well as these.
            db.ChangeTracker.Clear();
        }

        return (series, null);
    }

    /// <summary>Per symbol, the narrowest stored set covering [<paramref name="start"/>, <paramref name="end"/>]; all of the user's symbols when <paramref name="symbols"/> is null.</summary>
    public static async Task<Dictionary<string, BarSeries>> CachedAsync(
        BacktestContext db, Guid userId, IReadOnlyList<string>? symbols, string timeframe, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var query = db.AlpacaBarSets.AsNoTracking()
            .Where(s => s.UserId == userId && s.Timeframe == timeframe && s.FirstDay <= start && s.LastDay >= end);
        if (symbols is not null)
            query = query.Where(s => symbols.Contains(s.Symbol));
        var sets = await query.ToListAsync(cancellationToken);
        return sets.GroupBy(s => s.Symbol, StringComparer.Ordinal)
            .Select(g => g.OrderBy(s => s.LastDay.DayNumber - s.FirstDay.DayNumber).First())
            .ToDictionary(s => s.Symbol, s => ToSeries(s, JsonSerializer.Deserialize<List<CachedBar>>(s.Bars, JsonSerializerOptions.Web)!), StringComparer.Ordinal);
    }

    private static BarSeries ToSeries(AlpacaBarSet set, IReadOnlyList<CachedBar> bars) =>
        new(set.Symbol, [.. bars.Select(b => b.ToBar())], IsSynthetic: false,
            Source: $"Alpaca {set.Timeframe} bars {set.FirstDay:yyyy-MM-dd} to {set.LastDay:yyyy-MM-dd}, fetched {set.FetchedAt:yyyy-MM-dd} with your keys");

    public static string TimeframeOf(Requests.BacktestRequest request) => request.Data?.Timeframe ?? DataSpecValidator.Daily;
}
