using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;

namespace TradeNova.Benchmarks;

/// <summary>The data every benchmark runs on, built once: the bundled S&amp;P 500 history (5,105 daily bars) and a
/// 10-symbol portfolio of it plus nine seeded synthetic series on the same dates.</summary>
internal static class BenchmarkData
{
    public static BarSeries Sp500 { get; } = BundledMarketData.Sp500();

    public static MarketDataSet SingleSymbol { get; } = new([Sp500]);

    public static MarketDataSet TenSymbols { get; } = new(TenSeries());

    public static IReadOnlyList<string> TenSymbolNames { get; } = TenSymbols.Series.Select(s => s.Symbol).ToArray();

    private static IEnumerable<BarSeries> TenSeries()
    {
        yield return Sp500;
        var times = Sp500.Bars.Select(b => b.Time).ToArray();
        for (var i = 1; i <= 9; i++)
        {
            yield return SyntheticBarGenerator.Generate(new SyntheticSeriesSpec($"SYN{i}", Seed: i, StartPrice: 50m + 10m * i), times);
        }
    }
}
