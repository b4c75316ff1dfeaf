using System.Text.Json;
using TradeNova.Trading.Data;
using TradeNova.Trading.Strategies;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Rebuilds a run an instance has just taken: the strategy from the catalogue, then every persisted step replayed
/// through it with the inputs it saw then (its state is a function of them), then any step a crash left half-done
/// carried out again — its orders by their idempotency keys, so nothing is sent twice.
/// </summary>
public sealed class StrategyRunLoader(
    ExecutionDbContext db, StrategyStepProcessor processor, StrategyRunStopper stopper, BarSources sources, ILogger<StrategyRunLoader> logger)
{
    public async Task<ActiveRun?> LoadAsync(Guid runId, Guid instanceId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var run = await db.StrategyRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.Status == StrategyRunStatuses.Running, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var creation = StrategyCatalog.Create(run.StrategyName, run.Parameters);
        if (creation.Strategy is not { } strategy)
        {
            var detail = string.Join("; ", creation.Errors);
            StrategyLog.Unloadable(logger, run.Id, detail);
            await StopAsErrorAsync(run.Id, detail, cancellationToken);
            return null;
        }

        var active = new ActiveRun(run, StrategySizing.Apply(strategy, run.SizingMode, run.SizingValue));
        var steps = await db.StrategySteps.AsNoTracking().Where(s => s.RunId == run.Id).OrderBy(s => s.Time).ToListAsync(cancellationToken);
        var signals = (await db.StrategySignals.AsNoTracking().Where(s => s.RunId == run.Id).ToListAsync(cancellationToken))
            .ToLookup(s => s.Time);
        foreach (var step in steps)
        {
            var record = JsonSerializer.Deserialize<StepRecord>(step.Record, StrategyStepProcessor.Json)!;
            var bars = record.Bars.ToDictionary(b => b.Symbol, b => b.ToBar(), StringComparer.Ordinal);
            foreach (var (symbol, bar) in bars)
            {
                active.LastCloses[symbol] = bar.Close;
            }

            var context = new StrategyStepContext(step.Time, bars, record);
            active.Strategy.OnBar(context);
            if (context.Submitted.Count != signals[step.Time].Count())
            {
                StrategyLog.ReplayDiffers(logger, run.Id, step.Time, context.Submitted.Count, signals[step.Time].Count());
            }

            if (!step.Completed)
            {
                await processor.CarryOutAsync(run, step.Time, record.Cancels, [.. signals[step.Time]], cancellationToken);
            }
        }

        active.NextWindow = run.LastBarAt is { } last
            ? last + active.BarLength
            : ActiveRun.FirstWindow(run.StartedAt, active.BarLength);
        active.Source = sources.For(run.Account);
        await active.Source.AttachAsync(active, cancellationToken);
        StrategyLog.Taken(logger, run.Id, instanceId, steps.Count);
        return active;
    }

    private async Task StopAsErrorAsync(Guid runId, string detail, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await stopper.AskBrokersAsync(null, runId, null, null, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await db.StrategyRuns.FirstAsync(r => r.Id == runId, cancellationToken);
        await stopper.StopAsync(run, StopReasons.Error, detail, cancelOrders: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
