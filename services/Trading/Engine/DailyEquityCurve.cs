using System.Collections;
using TradeNova.Trading.Results;

namespace TradeNova.Trading.Engine;

/// <summary>The daily equity curve as two parallel arrays: the times are shared with the data set (for daily bars, its
/// timeline itself) and only the equity values belong to the run. A backtest over 5,105 daily bars then allocates
/// 80 KB instead of a 160 KB array of points, which stays below the large-object heap and keeps parallel optimisation
/// runs out of full garbage collections.</summary>
internal sealed class DailyEquityCurve(DateTimeOffset[] times, decimal[] equity) : IReadOnlyList<EquityPoint>
{
    public int Count => equity.Length;

    /// <summary>The times, shared with the data set (read-only by convention).</summary>
    internal DateTimeOffset[] Times => times;

    /// <summary>The equity values (read-only by convention), for statistics that scan them without an interface call
    /// and a point per element.</summary>
    internal decimal[] Values => equity;

    public EquityPoint this[int index] => new(times[index], equity[index]);

    public IEnumerator<EquityPoint> GetEnumerator()
    {
        for (var i = 0; i < equity.Length; i++)
        {
            yield return new EquityPoint(times[i], equity[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
