using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>Depth and longest duration of the drawdowns of an equity curve.</summary>
/// <param name="MaxDrawdown">max over t of (peak_t - E_t) / peak_t, peak_t the running maximum; a positive fraction.</param>
/// <param name="LongestDurationDays">Longest calendar time from a peak to the first point back at or above it, or to the
/// last point when equity never recovers. This is measured over every drawdown, not only the deepest one.</param>
internal readonly record struct DrawdownProfile(double MaxDrawdown, double LongestDurationDays)
{
    public static DrawdownProfile Of(IReadOnlyList<EquityPoint> points)
    {
        if (points.Count == 0)
            return default;

        var peak = points[0].Equity;
        var peakTime = points[0].Time;
        var underwater = false;
        var maxDrawdown = 0m;
        var longest = 0.0;
        foreach (var point in points)
        {
            if (point.Equity >= peak)
            {
                if (underwater)
                    longest = Math.Max(longest, (point.Time - peakTime).TotalDays);
                peak = point.Equity;
                peakTime = point.Time;
                underwater = false;
                continue;
            }

            underwater = true;
            if (peak > 0)
                maxDrawdown = Math.Max(maxDrawdown, (peak - point.Equity) / peak);
        }

        if (underwater)
            longest = Math.Max(longest, (points[^1].Time - peakTime).TotalDays);
        return new DrawdownProfile((double)maxDrawdown, longest);
    }
}
