using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>Depth and longest duration of the drawdowns of an equity curve.</summary>
/// <param name="MaxDrawdown">max over t of (peak_t - E_t) / peak_t, peak_t the running maximum; a positive fraction.</param>
/// <param name="LongestDurationDays">Longest calendar time from a peak to the first point back at or above it, or to the
/// last point when equity never recovers. This is measured over every drawdown, not only the deepest one.</param>
internal readonly record struct DrawdownProfile(double MaxDrawdown, double LongestDurationDays)
{
    /// <summary>Relative distance within which two doubles converted from decimals may compare differently from the
    /// decimals themselves (each conversion is within a few units in the last place).</summary>
    private const double Ambiguous = 1e-13;

    public static DrawdownProfile Of(IReadOnlyList<EquityPoint> points) => Of(new EquityColumns(points));

    /// <summary>The comparisons and the drawdown fractions are the exact decimal ones, but made in doubles wherever the
    /// doubles cannot disagree with the decimals: a decimal comparison only when two values are within
    /// <see cref="Ambiguous"/> of each other, and a decimal division only at a point whose drawdown may be the new
    /// maximum. The result is the one the all-decimal scan gives.</summary>
    public static DrawdownProfile Of(in EquityColumns curve)
    {
        if (curve.Count == 0)
            return default;

        var values = curve.Values;
        var doubles = curve.Doubles;
        var times = curve.Times;
        var peak = values[0];
        var peakDouble = doubles[0];
        var peakTime = times[0];
        var underwater = false;
        var maxDrawdown = 0m;
        var maxDrawdownDouble = 0.0;
        var longest = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            var value = doubles[i];
            var tolerance = Math.Abs(peakDouble) * Ambiguous;
            var atOrAbovePeak = value - peakDouble > tolerance || (peakDouble - value <= tolerance && values[i] >= peak);
            if (atOrAbovePeak)
            {
                if (underwater)
                    longest = Math.Max(longest, (times[i] - peakTime).TotalDays);
                peak = values[i];
                peakDouble = value;
                peakTime = times[i];
                underwater = false;
                continue;
            }

            underwater = true;
            if (peakDouble > 0)
            {
                var estimate = (peakDouble - value) / peakDouble;
                if (estimate >= maxDrawdownDouble - (Ambiguous + Ambiguous * Math.Abs(estimate)))
                {
                    var drawdown = (peak - values[i]) / peak;
                    if (drawdown > maxDrawdown)
                    {
                        maxDrawdown = drawdown;
                        maxDrawdownDouble = (double)drawdown;
                    }
                }
            }
        }

        if (underwater)
            longest = Math.Max(longest, (times[^1] - peakTime).TotalDays);
        return new DrawdownProfile((double)maxDrawdown, longest);
    }
}
