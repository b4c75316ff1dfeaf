using System.Globalization;
using TradeNova.Trading.Data;

namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>The bundled S&amp;P 500 CSV read straight from the repository, independently of the library's loader, so the
/// indicator comparison does not depend on the engine half of the library.</summary>
internal static class Sp500Bars
{
    private static readonly Lazy<Bar[]> Cached = new(() => Parse(File.ReadAllLines(RepositoryFiles.Sp500Csv)));

    public static Bar[] All => Cached.Value;

    private static Bar[] Parse(string[] lines)
    {
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"No {name} column.");
        int date = Col("date"), open = Col("open"), high = Col("high"), low = Col("low"), close = Col("close"), volume = Col("volume");
        return lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var f = line.Split(',');
            decimal D(int i) => decimal.Parse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            var day = DateTime.ParseExact(f[date], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            return new Bar(new DateTimeOffset(day, TimeSpan.Zero), D(open), D(high), D(low), D(close), D(volume));
        }).ToArray();
    }
}
