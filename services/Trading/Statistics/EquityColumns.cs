using TradeNova.Trading.Engine;
using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>An equity curve as columns: times, exact values, and each value converted to <see cref="double"/> once (the
/// returns and the drawdown scan both need it). A backtest's curve is already two arrays and is used as it is.</summary>
internal readonly struct EquityColumns
{
    public EquityColumns(IReadOnlyList<EquityPoint> points)
    {
        if (points is DailyEquityCurve curve)
        {
            Times = curve.Times;
            Values = curve.Values;
        }
        else
        {
            Times = new DateTimeOffset[points.Count];
            Values = new decimal[points.Count];
            for (var i = 0; i < points.Count; i++)
            {
                Times[i] = points[i].Time;
                Values[i] = points[i].Equity;
            }
        }

        Doubles = new double[Values.Length];
        for (var i = 0; i < Values.Length; i++)
            Doubles[i] = (double)Values[i];
    }

    public DateTimeOffset[] Times { get; }

    public decimal[] Values { get; }

    public double[] Doubles { get; }

    public int Count => Values.Length;
}
