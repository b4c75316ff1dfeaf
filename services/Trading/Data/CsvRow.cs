using System.Globalization;

namespace TradeNova.Trading.Data;

/// <summary>Parses and checks one CSV data row; every problem of the row is reported, not just the first.</summary>
internal static class CsvRow
{
    private static readonly string[] Names = ["open", "high", "low", "close", "volume"];

    public static Bar? TryParse(string[] record, int[] columns, int line, List<CsvImportIssue> errors)
    {
        var before = errors.Count;
        var needed = columns.Max() + 1;
        if (record.Length < needed)
        {
            errors.Add(new CsvImportIssue(line, $"Expected at least {needed} fields, found {record.Length}."));
            return null;
        }

        var time = ParseTime(record[columns[0]], line, errors);
        var values = new decimal[5];
        for (var i = 0; i < 5; i++)
        {
            var text = record[columns[i + 1]];
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                errors.Add(new CsvImportIssue(line, $"{Names[i]} \"{text}\" is not a number."));
                values[i] = decimal.MinusOne;
                continue;
            }

            if (i < 4 && values[i] <= 0m)
            {
                errors.Add(new CsvImportIssue(line, $"{Names[i]} {text} is not positive."));
            }
            else if (i == 4 && values[i] < 0m)
            {
                errors.Add(new CsvImportIssue(line, $"volume {text} is negative."));
            }
        }

        var (open, high, low, close, volume) = (values[0], values[1], values[2], values[3], values[4]);
        if (errors.Count == before)
        {
            if (high < low)
            {
                errors.Add(new CsvImportIssue(line, $"high {high} is below low {low}."));
            }
            else
            {
                if (open < low || open > high)
                {
                    errors.Add(new CsvImportIssue(line, $"open {open} is outside the bar's range [{low}, {high}]."));
                }

                if (close < low || close > high)
                {
                    errors.Add(new CsvImportIssue(line, $"close {close} is outside the bar's range [{low}, {high}]."));
                }
            }
        }

        return errors.Count == before && time is { } t ? new Bar(t, open, high, low, close, volume) : null;
    }

    private static DateTimeOffset? ParseTime(string text, int line, List<CsvImportIssue> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        errors.Add(new CsvImportIssue(line, $"date \"{text}\" is not a date (expected yyyy-MM-dd or an ISO 8601 timestamp)."));
        return null;
    }
}
