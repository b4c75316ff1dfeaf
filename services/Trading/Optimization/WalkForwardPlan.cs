namespace TradeNova.Trading.Optimization;

/// <summary>Rolling walk-forward windows over a timeline: in-sample [k·o, k·o + i), out-of-sample [k·o + i, k·o + i + o)
/// in time steps, for k = 0, 1, … while the out-of-sample part fits. Consecutive out-of-sample parts are adjacent and
/// never overlap; in-sample parts overlap (they roll), which is the point.</summary>
public static class WalkForwardPlan
{
    public static IReadOnlyList<WalkForwardWindow> Create(IReadOnlyList<DateTimeOffset> timeline, int inSampleSteps, int outOfSampleSteps)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentOutOfRangeException.ThrowIfLessThan(inSampleSteps, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(outOfSampleSteps, 2);
        var windows = new List<WalkForwardWindow>();
        for (var start = 0; start + inSampleSteps + outOfSampleSteps <= timeline.Count; start += outOfSampleSteps)
        {
            var oosStart = start + inSampleSteps;
            windows.Add(new WalkForwardWindow(
                windows.Count + 1,
                timeline[start],
                timeline[oosStart - 1],
                timeline[oosStart],
                timeline[oosStart + outOfSampleSteps - 1]));
        }

        return windows;
    }

    /// <summary>Every distinct bar time of the data, increasing: the engine's clock.</summary>
    public static IReadOnlyList<DateTimeOffset> Timeline(Engine.MarketDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Series.SelectMany(s => s.Bars.Select(b => b.Time)).Distinct().Order().ToArray();
    }

    /// <summary>The bars of every series between two times, inclusive (series with no bar then are left out).</summary>
    public static Engine.MarketDataSet Slice(Engine.MarketDataSet data, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(data);
        var series = data.Series
            .Select(s => s with { Bars = s.Bars.Where(b => b.Time >= from && b.Time <= to).ToArray() })
            .Where(s => s.Bars.Length > 0)
            .ToArray();
        return new Engine.MarketDataSet(series);
    }
}
