using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;

namespace TradeNova.Backtest.Running;

/// <summary>Finds each symbol's bars: the user's own upload first, then the bundled S&amp;P 500 history (SPX), and
/// otherwise a seeded synthetic series on the S&amp;P 500's trading days, labelled synthetic. Then cuts every series
/// to the request's date range.</summary>
public static class MarketDataLoader
{
    /// <summary>Null with <paramref name="error"/> set when the date range leaves a symbol without bars.</summary>
    /// <param name="alpaca">For a request on Alpaca data: every symbol's Alpaca bars (nothing else stands in for a missing one).</param>
    public static LoadedData? Load(BacktestPlan plan, IReadOnlyDictionary<string, BarSeries> uploads, out string? error,
        IReadOnlyDictionary<string, BarSeries>? alpaca = null)
    {
        error = null;
        var series = new List<BarSeries>();
        var sources = new List<DataSource>();
        foreach (var symbol in plan.Symbols)
        {
            if (alpaca is not null && (!alpaca.TryGetValue(symbol, out var fetched) || fetched.Bars.Length == 0))
            {
                error = $"Alpaca has no {symbol} bars between {plan.Request.Start:yyyy-MM-dd} and {plan.Request.End:yyyy-MM-dd}.";
                return null;
            }

            var (full, kind) = alpaca is not null ? (alpaca[symbol], "alpaca") : Find(symbol, uploads, plan.SyntheticSeed);
            var bars = Cut(full.Bars, plan.Request.Start, plan.Request.End);
            if (bars.Length < 2)
            {
                error = $"{symbol} has {bars.Length} bar(s) between {plan.Request.Start?.ToString("yyyy-MM-dd") ?? "the start"} and {plan.Request.End?.ToString("yyyy-MM-dd") ?? "the end"} ({kind} data covers {full.Bars[0].Time:yyyy-MM-dd} to {full.Bars[^1].Time:yyyy-MM-dd}); at least 2 are needed.";
                return null;
            }

            series.Add(full with { Bars = bars });
            sources.Add(new DataSource(symbol, kind, Describe(kind, full), full.IsSynthetic, bars[0].Time, bars[^1].Time, bars.Length));
        }

        return new LoadedData(new MarketDataSet(series), sources);
    }

    private static (BarSeries Series, string Kind) Find(string symbol, IReadOnlyDictionary<string, BarSeries> uploads, int seed)
    {
        if (uploads.TryGetValue(symbol, out var upload))
            return (upload, "upload");
        if (symbol == BundledMarketData.Sp500Symbol)
            return (Sp500, "bundled");
        var spec = new SyntheticSeriesSpec(symbol, unchecked(seed * 31 + StableHash(symbol)));
        return (SyntheticBarGenerator.Generate(spec, Sp500Times), "synthetic");
    }

    private static readonly BarSeries Sp500 = BundledMarketData.Sp500();

    private static readonly DateTimeOffset[] Sp500Times = Array.ConvertAll(Sp500.Bars, b => b.Time);

    private static Bar[] Cut(Bar[] bars, DateOnly? start, DateOnly? end)
    {
        if (start is null && end is null)
            return bars;
        var from = start is { } s ? new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
        var to = end is { } e ? new DateTimeOffset(e.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : DateTimeOffset.MaxValue;
        return bars.Where(b => b.Time >= from && b.Time <= to).ToArray();
    }

    private static string Describe(string kind, BarSeries series) => kind switch
    {
        "bundled" => "real daily S&P 500 history bundled with the platform (" + series.Source + ")",
        "upload" => "your CSV upload (" + series.Source + ")",
        "alpaca" => "real market history from Alpaca (" + series.Source + ")",
        _ => "SYNTHETIC prices (" + series.Source + "), not market history",
    };

    /// <summary>FNV-1a over the symbol: string.GetHashCode is randomised per process, this is not.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
