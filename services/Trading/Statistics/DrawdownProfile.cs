using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>Depth and longest duration of the drawdowns of an equity curve (computed by <see cref="CurveScan"/>).</summary>
/// <param name="MaxDrawdown">max over t of (peak_t - E_t) / peak_t, peak_t the running maximum; a positive fraction.</param>
/// <param name="LongestDurationDays">Longest calendar time from a peak to the first point back at or above it, or to the
/// last point when equity never recovers. This is measured over every drawdown, not only the deepest one.</param>
internal readonly record struct DrawdownProfile(double MaxDrawdown, double LongestDurationDays)
{
    public static DrawdownProfile Of(IReadOnlyList<EquityPoint> points) => CurveScan.Of(points).Drawdown;
}
