namespace TradeNova.Trading.Data;

/// <summary>Market data shipped inside the library (see Resources/SOURCE.md), so backtests, tests and benchmarks have
/// real history without network access or API keys.</summary>
public static class BundledMarketData
{
    /// <summary>The symbol the bundled S&amp;P 500 index history is loaded as.</summary>
    public const string Sp500Symbol = "SPX";

    private const string Sp500Resource = "TradeNova.Trading.Resources.sp500-2000.csv";

    private static readonly Lazy<BarSeries> Sp500Series = new(LoadSp500, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Daily S&amp;P 500 OHLCV, 2000-01-03 to 2020-04-17 (5,105 bars), from npm vega-datasets 3.2.1. Each call
    /// returns its own copy of the bar array, so a caller cannot alter another's data.</summary>
    public static BarSeries Sp500() => Sp500Series.Value with { Bars = (Bar[])Sp500Series.Value.Bars.Clone() };

    /// <summary>The raw bundled CSV text, for tools that need the file itself (reference scripts, exports).</summary>
    public static Stream OpenSp500Csv() =>
        typeof(BundledMarketData).Assembly.GetManifestResourceStream(Sp500Resource)
        ?? throw new InvalidOperationException($"Embedded resource {Sp500Resource} is missing from the build.");

    private static BarSeries LoadSp500()
    {
        using var reader = new StreamReader(OpenSp500Csv());
        var result = CsvBarImporter.Import(reader, Sp500Symbol, "vega-datasets 3.2.1 data/sp500-2000.csv (Yahoo Finance)");
        return result.Series
            ?? throw new InvalidOperationException("The bundled S&P 500 file failed validation: " + string.Join("; ", result.Errors));
    }
}
