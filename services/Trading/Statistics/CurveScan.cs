using TradeNova.Trading.Engine;
using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>Everything the report needs from the equity curve in one pass: each value converted to <see cref="double"/>
/// once, the drawdown scan, the daily returns and their running sums (in the order the separate passes summed them, so
/// the same doubles). A backtest's curve is read from its arrays without a point per element.</summary>
/// <param name="ReturnSum">Σ r_i, summed in order.</param>
/// <param name="DownsideSquares">Σ min(r_i, 0)², summed in order.</param>
internal readonly record struct CurveScan(DrawdownProfile Drawdown, double[] Returns, double ReturnSum, double DownsideSquares)
{
    /// <summary>Relative distance within which two doubles converted from decimals may compare differently from the
    /// decimals themselves (each conversion is within a few units in the last place).</summary>
    private const double Ambiguous = 1e-13;

    public static CurveScan Of(IReadOnlyList<EquityPoint> points)
    {
        DateTimeOffset[] times;
        decimal[] values;
        if (points is DailyEquityCurve curve)
        {
            times = curve.Times;
            values = curve.Values;
        }
        else
        {
            times = new DateTimeOffset[points.Count];
            values = new decimal[points.Count];
            for (var i = 0; i < points.Count; i++)
            {
                times[i] = points[i].Time;
                values[i] = points[i].Equity;
            }
        }

        return values.Length == 0 ? new CurveScan(default, [], 0, 0) : Of(times, values);
    }

    /// <summary>The drawdown's comparisons and fractions are the exact decimal ones, made in doubles wherever the doubles
    /// cannot disagree with the decimals: a decimal comparison only when two values are within
    /// <see cref="Ambiguous"/> of each other, a decimal division only at a point whose drawdown may be the new maximum.
    /// Returns: r_i = E_i / E_(i-1) - 1 in doubles, skipped when E_(i-1) ≤ 0.</summary>
    private static CurveScan Of(DateTimeOffset[] times, decimal[] values)
    {
        var returns = new double[values.Length - 1];
        var count = 0;
        var sum = 0.0;
        var downside = 0.0;
        var peak = values[0];
        var peakDouble = (double)values[0];
        var peakTime = times[0];
        var previous = peakDouble;
        var underwater = false;
        var maxDrawdown = 0m;
        var maxDrawdownDouble = 0.0;
        var longest = 0.0;
        var maxBelowThisPeak = false;
        var maxValue = 0m;
        for (var i = 0; i < values.Length; i++)
        {
            var value = i == 0 ? peakDouble : (double)values[i];
            if (i > 0)
            {
                if (previous > 0)
                {
                    var r = value / previous - 1.0;
                    returns[count++] = r;
                    sum += r;
                    if (r < 0)
                        downside += r * r;
                }

                previous = value;
            }

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
                maxBelowThisPeak = false;
                continue;
            }

            underwater = true;
            if (peakDouble > 0)
            {
                var estimate = (peakDouble - value) / peakDouble;
                // Below the peak that set the maximum, a value no lower than the maximum's own cannot exceed it (the
                // quotient and its rounding are monotonic): a curve resting at its deepest point costs a comparison of
                // decimals, not a division of them.
                if (estimate >= maxDrawdownDouble - (Ambiguous + Ambiguous * Math.Abs(estimate)) && !(maxBelowThisPeak && values[i] >= maxValue))
                {
                    var drawdown = (peak - values[i]) / peak;
                    if (drawdown > maxDrawdown)
                    {
                        maxDrawdown = drawdown;
                        maxDrawdownDouble = (double)drawdown;
                        maxBelowThisPeak = true;
                        maxValue = values[i];
                    }
                }
            }
        }

        if (underwater)
            longest = Math.Max(longest, (times[^1] - peakTime).TotalDays);
        return new CurveScan(
            new DrawdownProfile((double)maxDrawdown, longest),
            count == returns.Length ? returns : returns[..count],
            sum,
            downside);
    }
}
