using System.Text.RegularExpressions;

namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

/// <summary>
/// The bar timeframes market data v2 documents: <c>[1-59]Min</c> (or <c>T</c>), <c>[1-23]Hour</c> (or <c>H</c>),
/// <c>1Day</c> (<c>D</c>), <c>1Week</c> (<c>W</c>), <c>[1,2,3,4,6,12]Month</c> (<c>M</c>).
/// </summary>
public static partial class AlpacaTimeframes
{
    public static bool IsValid(string? timeframe)
    {
        if (timeframe is null || TimeframePattern().Match(timeframe) is not { Success: true } match
            || !int.TryParse(match.Groups["n"].ValueSpan, out var n))
        {
            return false;
        }

        return match.Groups["unit"].Value switch
        {
            "Min" or "T" => n is >= 1 and <= 59,
            "Hour" or "H" => n is >= 1 and <= 23,
            "Day" or "D" or "Week" or "W" => n == 1,
            _ => n is 1 or 2 or 3 or 4 or 6 or 12,
        };
    }

    [GeneratedRegex("^(?<n>[0-9]{1,2})(?<unit>Min|T|Hour|H|Day|D|Week|W|Month|M)$")]
    private static partial Regex TimeframePattern();
}
