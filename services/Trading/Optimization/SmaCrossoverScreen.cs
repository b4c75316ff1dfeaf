using TradeNova.Trading.Engine;
using TradeNova.Trading.Statistics;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Optimization;

/// <summary>Screens SMA crossover sets with <see cref="SmaCrossoverGrid"/>: its final equity is the engine's, bit for
/// bit, and with the first equity point known (no fill on the first date, so it is the initial cash) the report's total
/// return and CAGR follow through the statistics' own formulas. Only sets varying nothing but the two periods, with
/// whole values the strategy accepts, on a data set holding just the strategy's symbol, are screened.</summary>
internal static class SmaCrossoverScreen
{
    public const string FastPeriod = "fastPeriod";
    public const string SlowPeriod = "slowPeriod";

    public static ScreenedFigures?[]? Screen(
        IndicatorColumns columns,
        SmaCrossoverParameters baseParameters,
        BacktestOptions options,
        IReadOnlyList<ParameterSet> sets,
        int maxDegreeOfParallelism,
        CancellationToken cancellationToken)
    {
        var data = columns.Data;
        if (!SmaCrossoverGrid.Supports(options) || data.Series.Count != 1 || data.IndexOf(baseParameters.Symbol) != 0 || data.TimeStepCount == 0)
            return null;

        // The first equity point is the last step of the first date: with no fill up to then it is the initial cash.
        var secondDay = Array.IndexOf(data.DayIndex, 1);
        var firstDaySteps = secondDay > 0 ? secondDay : data.TimeStepCount;
        var indices = new List<int>(sets.Count);
        var parameters = new List<SmaCrossoverParameters>(sets.Count);
        for (var i = 0; i < sets.Count; i++)
        {
            // The earliest fill is at bar slow + 1 (a signal needs the slow average and its previous value).
            if (WithPeriods(baseParameters, sets[i]) is { } set && set.SlowPeriod + 1 >= firstDaySteps)
            {
                indices.Add(i);
                parameters.Add(set);
            }
        }

        if (indices.Count == 0)
            return null;

        var finals = SmaCrossoverGrid.FinalEquities(columns, parameters, options, maxDegreeOfParallelism, cancellationToken);
        var start = options.InitialCash;
        var days = (data.DayCloseTimes[^1] - data.DayCloseTimes[0]).TotalDays;
        var figures = new ScreenedFigures?[sets.Count];
        for (var k = 0; k < indices.Count; k++)
        {
            figures[indices[k]] = new ScreenedFigures(
                PerformanceStatistics.TotalReturn(start, finals[k]),
                PerformanceStatistics.FiniteCagr(start, finals[k], days));
        }

        return figures;
    }

    /// <summary>The parameters the catalogue builds for this set, or null when it varies anything else, gives a period
    /// that is not a whole number, or the catalogue would reject it (the engine path then reports why).</summary>
    private static SmaCrossoverParameters? WithPeriods(SmaCrossoverParameters baseParameters, ParameterSet set)
    {
        var (fast, slow) = (baseParameters.FastPeriod, baseParameters.SlowPeriod);
        foreach (var value in set.Values)
        {
            if (!decimal.IsInteger(value.Value) || value.Value is < int.MinValue or > int.MaxValue)
                return null;
            switch (value.Name)
            {
                case FastPeriod:
                    fast = (int)value.Value;
                    break;
                case SlowPeriod:
                    slow = (int)value.Value;
                    break;
                default:
                    return null;
            }
        }

        var parameters = baseParameters with { FastPeriod = fast, SlowPeriod = slow };
        return parameters.Validate().Count == 0 ? parameters : null;
    }
}
