using TradeNova.Trading.Data;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Where a running strategy's bars come from (<see cref="BarSources"/> picks one by the run's account): the feed's clock,
/// which says which windows have closed, and the bars of a closed window. The runner drives every run the same way on
/// top of it, so the persisted steps and their replay do not depend on the source.
/// </summary>
public interface IRunBarSource
{
    /// <summary>As the API shows it (<c>simulated</c>, <c>alpaca-iex</c>, <c>alpaca-sip</c>).</summary>
    string Name { get; }

    /// <summary>Windows missed while a run was not driven: decided one by one up to this many (a source that can fetch them
    /// afterwards), or 0 to go straight to the latest closed one.</summary>
    int CatchUpWindows { get; }

    /// <summary>The run starts taking bars (the source may subscribe its symbols). Idempotent.</summary>
    Task AttachAsync(ActiveRun run, CancellationToken cancellationToken);

    /// <summary>The run no longer takes bars here (stopped, or another instance owns it).</summary>
    void Detach(ActiveRun run);

    /// <summary>The feed's clock for the run: every window ending at or before it has closed.</summary>
    DateTimeOffset Now(ActiveRun run);

    /// <summary>The bars of the run's symbols over the closed window (a symbol without trades has none); null when they
    /// cannot be had yet (asked again later).</summary>
    Task<IReadOnlyDictionary<string, Bar>?> BarsAsync(ActiveRun run, DateTimeOffset window, CancellationToken cancellationToken);
}
