using System.Text.Json;

namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>Runs tests/reference/indicators/compute-indicators.js (npm <c>technicalindicators</c>, pinned in
/// tests/reference/package.json) once per test class over the bundled S&amp;P 500 CSV. It needs
/// <c>npm ci --prefix tests/reference</c> to have run, which the test script does.</summary>
public sealed class TechnicalIndicatorsReference
{
    public TechnicalIndicatorsReference()
    {
        var reference = RepositoryFiles.ReferenceDirectory;
        if (!Directory.Exists(Path.Combine(reference, "node_modules", "technicalindicators")))
            throw new InvalidOperationException($"Run `npm ci --prefix {reference}` first: technicalindicators is not installed.");

        var json = ReferenceProcess.Run("node", [Path.Combine("indicators", "compute-indicators.js"), RepositoryFiles.Sp500Csv], reference);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Library = root.GetProperty("library").GetString() ?? "";
        BarCount = root.GetProperty("bars").GetInt32();
        Series = root.GetProperty("series").EnumerateArray()
            .Select(s => new ReferenceSeries(
                s.GetProperty("name").GetString()!,
                s.GetProperty("offset").GetInt32(),
                s.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray()))
            .ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public string Library { get; }

    public int BarCount { get; }

    internal IReadOnlyDictionary<string, ReferenceSeries> Series { get; }
}
