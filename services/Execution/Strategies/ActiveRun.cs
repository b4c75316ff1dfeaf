using TradeNova.Trading.Strategies;

namespace TradeNova.Execution.Strategies;

/// <summary>A run this instance owns, in memory: the strategy instance (its state rebuilt by replay) and the next bar window.</summary>
public sealed class ActiveRun(StrategyRun run, IStrategy strategy)
{
    public Guid Id => run.Id;

    public Guid UserId => run.UserId;

    public StrategyRun Run => run;

    public IStrategy Strategy => strategy;

    public TimeSpan BarLength => TimeSpan.FromSeconds(run.BarSeconds);

    /// <summary>The latest close of each symbol, to mark the run's positions (as the engine marks at the latest close).</summary>
    public Dictionary<string, decimal> LastCloses { get; } = new(StringComparer.Ordinal);

    /// <summary>Open time of the next window to decide.</summary>
    public DateTimeOffset NextWindow { get; set; }

    /// <summary>Where its bars come from (set when the run is taken).</summary>
    public IRunBarSource Source { get; set; } = null!;

    /// <summary>When to try attaching to the source again while it has no clock for the run (e.g. no keys yet).</summary>
    public DateTimeOffset NextAttachAt { get; set; }

    /// <summary>The step in progress, if any (one at a time per run).</summary>
    public Task? Busy { get; set; }

    /// <summary>
    /// The window to decide now on the source's clock, or null while none has closed. After a gap (the run was not driven
    /// for a while) at most <paramref name="catchUpWindows"/> missed windows are still decided one by one, then the latest:
    /// a source that can fetch missed bars lets the strategy see each; beyond that, orders of bars long gone would only
    /// arrive stale.
    /// </summary>
    public DateTimeOffset? DueWindow(DateTimeOffset now, int catchUpWindows = 0)
    {
        var length = BarLength;
        if (now < NextWindow + length)
        {
            return null;
        }

        var earliest = BarAggregator.WindowStart(now, length) - length - (catchUpWindows * length);
        return earliest > NextWindow ? earliest : NextWindow;
    }

    /// <summary>The first complete window of a run started at <paramref name="startedAt"/>.</summary>
    public static DateTimeOffset FirstWindow(DateTimeOffset startedAt, TimeSpan length)
    {
        var start = BarAggregator.WindowStart(startedAt, length);
        return start < startedAt ? start + length : start;
    }
}
