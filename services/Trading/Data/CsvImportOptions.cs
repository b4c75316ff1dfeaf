namespace TradeNova.Trading.Data;

/// <summary>Rules of the CSV import. Calendar gaps: a normal gap between daily bars is at most four days (a weekend plus
/// a holiday on Friday or Monday), so a longer gap is reported as a warning (markets do close unexpectedly: the bundled
/// S&amp;P 500 history has three such closures) and a gap beyond <see cref="GapErrorDays"/> is an error, because it
/// means missing data that would make every indicator wrong across it.</summary>
public sealed record CsvImportOptions
{
    public static CsvImportOptions Default { get; } = new();

    /// <summary>Gaps longer than this many calendar days are warnings (null: never).</summary>
    public int? GapWarningDays { get; init; } = 4;

    /// <summary>Gaps longer than this many calendar days are errors (null: never).</summary>
    public int? GapErrorDays { get; init; } = 31;
}
