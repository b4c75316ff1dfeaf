using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TradeNova.Trading.Data;

/// <summary>Imports one symbol's OHLCV bars from CSV, all or nothing. The header must name the columns date (or time,
/// timestamp, datetime), open, high, low, close and volume in any order and case; other columns (for example adjclose)
/// are ignored. Every row is checked (parsable, positive prices, non-negative volume, low ≤ open, close ≤ high, time
/// strictly after the previous row's, calendar gaps), every problem is reported with its line, and a file with any
/// error imports nothing, so a user never backtests on silently repaired data.</summary>
/// <remarks>A date without a time ("2020-04-17") is the trading day at midnight UTC; a timestamp with an offset is
/// converted to UTC; one without an offset is taken as UTC.</remarks>
public static class CsvBarImporter
{
    private static readonly string[] TimeColumns = ["date", "time", "timestamp", "datetime"];
    private static readonly string[] PriceColumns = ["open", "high", "low", "close", "volume"];

    public static CsvImportResult Import(TextReader reader, string symbol, string source = "csv import", CsvImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        options ??= CsvImportOptions.Default;
        var errors = new List<CsvImportIssue>();
        var warnings = new List<CsvImportIssue>();
        var bars = new List<Bar>();
        var badData = new List<int>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => badData.Add(args.Context.Parser?.RawRow ?? 0),
        };

        using var parser = new CsvParser(reader, configuration, leaveOpen: true);
        if (!parser.Read() || parser.Record is not { } header)
        {
            errors.Add(new CsvImportIssue(1, "The file is empty: a header line with date, open, high, low, close and volume is required."));
            return new CsvImportResult(null, errors, warnings);
        }

        var columns = CsvHeader.Map(header, TimeColumns, PriceColumns, errors);
        if (columns is null)
        {
            return new CsvImportResult(null, errors, warnings);
        }

        var previous = (Time: (DateTimeOffset?)null, Line: 0);
        while (parser.Read())
        {
            var line = parser.RawRow;
            var record = parser.Record ?? [];
            if (badData.Remove(line))
            {
                errors.Add(new CsvImportIssue(line, "Malformed CSV (a stray or unbalanced quote)."));
                continue;
            }

            if (CsvRow.TryParse(record, columns, line, errors) is not { } bar)
            {
                continue;
            }

            if (previous.Time is { } before)
            {
                CheckOrder(bar.Time, before, previous.Line, line, options, errors, warnings);
            }

            previous = (bar.Time, line);
            bars.Add(bar);
        }

        if (bars.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvImportIssue(1, "The file has a header but no data rows."));
        }

        var series = errors.Count == 0 ? new BarSeries(symbol, bars.ToArray(), IsSynthetic: false, Source: source) : null;
        return new CsvImportResult(series, errors, warnings);
    }

    public static CsvImportResult ImportFile(string path, string symbol, CsvImportOptions? options = null)
    {
        using var reader = new StreamReader(path);
        return Import(reader, symbol, $"csv import {Path.GetFileName(path)}", options);
    }

    private static void CheckOrder(DateTimeOffset time, DateTimeOffset before, int beforeLine, int line, CsvImportOptions options,
        List<CsvImportIssue> errors, List<CsvImportIssue> warnings)
    {
        if (time == before)
        {
            errors.Add(new CsvImportIssue(line, $"Duplicate time {Format(time)}: line {beforeLine} has the same time."));
            return;
        }

        if (time < before)
        {
            errors.Add(new CsvImportIssue(line, $"Out of order: {Format(time)} is earlier than {Format(before)} on line {beforeLine}; rows must be in increasing time order."));
            return;
        }

        var days = (time.UtcDateTime.Date - before.UtcDateTime.Date).Days;
        if (options.GapErrorDays is { } errorDays && days > errorDays)
        {
            errors.Add(new CsvImportIssue(line, $"Gap of {days} calendar days after {Format(before)} (line {beforeLine}): more than {errorDays} days means missing data."));
        }
        else if (options.GapWarningDays is { } warningDays && days > warningDays)
        {
            warnings.Add(new CsvImportIssue(line, $"Gap of {days} calendar days after {Format(before)} (line {beforeLine}): more than {warningDays} days; check it is a real market closure."));
        }
    }

    private static string Format(DateTimeOffset time) =>
        time.TimeOfDay == TimeSpan.Zero
            ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:ssZ", CultureInfo.InvariantCulture);
}
