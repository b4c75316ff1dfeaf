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

    /// <summary>The step in progress, if any (one at a time per run).</summary>
    public Task? Busy { get; set; }

    /// <summary>
    /// The window to decide now, or null while none has closed. After a gap (the run was not driven for a while) the
    /// latest closed window is next: the orders of bars long gone would only arrive stale.
    /// </summary>
    public DateTimeOffset? DueWindow(DateTimeOffset now)
    {
        var length = BarLength;
        if (now < NextWindow + length)
        {
            return null;
        }

        var latest = BarAggregator.WindowStart(now, length) - length;
        return latest > NextWindow ? latest : NextWindow;
    }

    /// <summary>The first complete window of a run started at <paramref name="startedAt"/>.</summary>
    public static DateTimeOffset FirstWindow(DateTimeOffset startedAt, TimeSpan length)
    {
        var start = BarAggregator.WindowStart(startedAt, length);
        return start < startedAt ? start + length : start;
    }
}
