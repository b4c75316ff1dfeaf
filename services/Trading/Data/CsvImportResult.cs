namespace TradeNova.Trading.Data;

/// <summary>The outcome of a CSV import: the series when the file has no error, otherwise no series at all (nothing is
/// imported from a bad file) and every error found, each with its line number. Warnings never block an import.</summary>
public sealed record CsvImportResult(BarSeries? Series, IReadOnlyList<CsvImportIssue> Errors, IReadOnlyList<CsvImportIssue> Warnings)
{
    public bool Succeeded => Series is not null;
}
