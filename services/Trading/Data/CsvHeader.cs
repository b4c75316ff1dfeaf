namespace TradeNova.Trading.Data;

/// <summary>Finds the OHLCV columns in a CSV header. Column positions come from the header, not from a fixed layout,
/// because exports from different sources order and name columns differently.</summary>
internal static class CsvHeader
{
    /// <summary>Returns the indexes of time, open, high, low, close and volume, or null (with errors on line 1).</summary>
    public static int[]? Map(string[] header, string[] timeNames, string[] priceNames, List<CsvImportIssue> errors)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var columns = new int[1 + priceNames.Length];
        var timeIndexes = Enumerable.Range(0, names.Length).Where(i => timeNames.Contains(names[i])).ToArray();
        if (timeIndexes.Length != 1)
        {
            errors.Add(new CsvImportIssue(1, timeIndexes.Length == 0
                ? $"The header has no date column (one of {string.Join(", ", timeNames)}); found: {string.Join(", ", header)}."
                : "The header has more than one date column."));
        }
        else
        {
            columns[0] = timeIndexes[0];
        }

        for (var p = 0; p < priceNames.Length; p++)
        {
            var matches = Enumerable.Range(0, names.Length).Where(i => names[i] == priceNames[p]).ToArray();
            if (matches.Length != 1)
            {
                errors.Add(new CsvImportIssue(1, matches.Length == 0
                    ? $"The header has no {priceNames[p]} column; found: {string.Join(", ", header)}."
                    : $"The header has more than one {priceNames[p]} column."));
            }
            else
            {
                columns[p + 1] = matches[0];
            }
        }

        return errors.Count == 0 ? columns : null;
    }
}
