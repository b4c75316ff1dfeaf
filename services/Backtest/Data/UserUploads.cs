using TradeNova.Trading.Data;

namespace TradeNova.Backtest.Data;

/// <summary>Turns a user's stored uploads back into bar series, through the same importer that accepted them.</summary>
public static class UserUploads
{
    public static IReadOnlyDictionary<string, BarSeries> Import(IEnumerable<UserDataSet> uploads)
    {
        var series = new Dictionary<string, BarSeries>(StringComparer.Ordinal);
        foreach (var upload in uploads)
        {
            using var reader = new StringReader(upload.Csv);
            var result = CsvBarImporter.Import(reader, upload.Symbol, $"{upload.FileName}, uploaded {upload.UploadedAt:yyyy-MM-dd}");
            if (result.Series is { } imported)
                series[upload.Symbol] = imported;
        }

        return series;
    }
}
