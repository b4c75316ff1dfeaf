using TradeNova.Trading.Data;

namespace TradeNova.Execution.Strategies;

/// <summary>The platform's feed (<see cref="IBarFeed"/>, the simulated market): the wall clock closes windows, and a run
/// not driven for a while goes on at the latest closed window.</summary>
public sealed class SimulatedBarSource(IBarFeed feed, TimeProvider time) : IRunBarSource
{
    public string Name => "simulated";

    public int CatchUpWindows => 0;

    public Task AttachAsync(ActiveRun run, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Detach(ActiveRun run)
    {
    }

    public DateTimeOffset Now(ActiveRun run) => time.GetUtcNow();

    public Task<IReadOnlyDictionary<string, Bar>?> BarsAsync(ActiveRun run, DateTimeOffset window, CancellationToken cancellationToken)
    {
        var bars = new Dictionary<string, Bar>(StringComparer.Ordinal);
        foreach (var symbol in run.Strategy.Symbols)
        {
            if (feed.BarOf(symbol, window, run.BarLength) is { } bar)
            {
                bars[symbol] = bar;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Bar>?>(bars);
    }
}
