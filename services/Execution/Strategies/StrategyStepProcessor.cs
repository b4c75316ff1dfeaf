using System.Text.Json;
using Microsoft.Extensions.Options;
using TradeNova.Execution.Apis;
using TradeNova.Execution.Orders;
using TradeNova.Trading.Data;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// One bar of one run: the run's book read from its fills and orders, <c>OnBar</c> on the strategy, then — in one
/// transaction that also proves this instance still owns the running run and has not decided this bar before — the step
/// and its signals written, and only then the cancels and orders carried out (<see cref="CarryOutAsync"/>): through
/// <see cref="OrderPlacement"/>, with the same Risk check, idempotency and outbox as a user's order.
/// </summary>
public sealed class StrategyStepProcessor(
    ExecutionDbContext db,
    OrderPlacement placement,
    StrategyOrderCanceler canceler,
    IOptions<StrategyOptions> options,
    TimeProvider time,
    ILogger<StrategyStepProcessor> logger)
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <returns>False when the run is no longer this instance's to drive (stopped, taken over, or the bar already decided).</returns>
    public async Task<bool> DecideAsync(ActiveRun active, Guid ownerId, DateTimeOffset window, CancellationToken cancellationToken)
    {
        if (await active.Source.BarsAsync(active, window, cancellationToken) is not { } bars)
        {
            return true; // the source cannot tell yet: asked again on a later pass
        }

        foreach (var (symbol, bar) in bars)
        {
            active.LastCloses[symbol] = bar.Close;
        }

        active.NextWindow = window + active.BarLength;
        if (bars.Count == 0)
        {
            return true; // no bar, no time step: the engine would not call the strategy either
        }

        var view = await ReadBookAsync(active, cancellationToken);
        var context = new StrategyStepContext(window, bars, view);
        active.Strategy.OnBar(context);

        var signals = context.Submitted.Select((request, i) =>
        {
            var resolved = SignalResolution.Resolve(request, active.LastCloses.GetValueOrDefault(request.Symbol), view);
            return new StrategySignal
            {
                RunId = active.Id,
                Time = window,
                Sequence = i,
                Symbol = request.Symbol,
                Side = resolved.Side,
                OrderType = resolved.Type,
                Quantity = resolved.Quantity,
                ClosesPosition = resolved.ClosesPosition,
                LimitPrice = resolved.LimitPrice,
                StopPrice = resolved.StopPrice,
                StopLoss = resolved.StopLoss,
                TakeProfit = resolved.TakeProfit,
                IdempotencyKey = StrategyOrderKeys.For(active.Id, window, i),
                Status = resolved.Quantity > 0m ? "pending" : "skipped",
                Detail = resolved.Quantity > 0m ? null : "The sizing came to no whole share.",
            };
        }).ToList();
        var step = new StrategyStep
        {
            RunId = active.Id,
            Time = window,
            Record = JsonSerializer.Serialize(view with { Bars = [.. bars.Select(b => SymbolBar.From(b.Key, b.Value))], Cancels = [.. context.Cancels] }, Json),
            Completed = false,
        };

        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var sent = signals.Count(s => s.Status == "pending");
            var leaseUntil = time.GetUtcNow() + options.Value.LeaseDuration;
            var claimed = await db.StrategyRuns
                .Where(r => r.Id == active.Id && r.OwnerId == ownerId && r.Status == StrategyRunStatuses.Running
                            && (r.LastBarAt == null || r.LastBarAt < window))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.LastBarAt, window)
                    .SetProperty(r => r.BarsProcessed, r => r.BarsProcessed + 1)
                    .SetProperty(r => r.OrdersSent, r => r.OrdersSent + sent)
                    .SetProperty(r => r.LeaseExpiresAt, leaseUntil), cancellationToken);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            db.StrategySteps.Add(step);
            db.StrategySignals.AddRange(signals);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        StrategyLog.Decided(logger, active.Id, window, signals.Count, context.Cancels.Count,
            string.Join(",", view.Positions.Select(p => $"{p.Key}={p.Value}")), string.Join(",", view.Pending));
        await CarryOutAsync(active.Run, step.Time, context.Cancels, signals, cancellationToken);
        return true;
    }

    /// <summary>
    /// The step's cancels, then its orders, then the step marked complete. Safe to repeat after a crash: cancels spare
    /// the step's own orders, and an order already placed is found again by its idempotency key.
    /// </summary>
    public async Task CarryOutAsync(StrategyRun run, DateTimeOffset window, IReadOnlyList<string> cancels, IReadOnlyList<StrategySignal> signals,
        CancellationToken cancellationToken)
    {
        var prefix = StrategyOrderKeys.StepPrefix(run.Id, window);
        foreach (var symbol in cancels.Distinct(StringComparer.Ordinal))
        {
            await canceler.CancelSymbolAsync(run, symbol, prefix, cancellationToken);
        }

        foreach (var signal in signals.Where(s => s.Status == "pending").OrderBy(s => s.Sequence))
        {
            var existing = await db.Orders.AsNoTracking().Where(o => o.UserId == run.UserId && o.IdempotencyKey == signal.IdempotencyKey)
                .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
            var quantity = signal.ClosesPosition && existing is null ? await StillToCloseAsync(run.Id, signal, cancellationToken) : signal.Quantity;
            string status;
            string? detail = null;
            Guid? orderId = existing;
            if (existing is not null)
            {
                status = "placed"; // sent before a crash: the order path has it under this key
            }
            else if (quantity <= 0m)
            {
                (status, detail) = ("skipped", "Nothing left to close: the position was closed meanwhile.");
            }
            else
            {
                var draft = new OrderDraft(signal.Symbol, signal.Side, signal.OrderType, TimesInForce.Gtc, quantity, null,
                    signal.LimitPrice, signal.StopPrice, signal.StopLoss, signal.TakeProfit, run.Account, run.Id);
                var outcome = await placement.PlaceAsync(run.UserId, signal.IdempotencyKey, draft, cancellationToken);
                (status, detail) = outcome switch
                {
                    { KeyConflict: true } => ("refused", "Another order holds this signal's idempotency key."),
                    _ when ReferenceEquals(outcome, PlacementOutcome.BrokerNotConnected) => ("refused", "No broker is connected for live trading."),
                    _ => ("placed", (string?)null),
                };
                orderId = outcome.OrderId;
            }

            await db.StrategySignals
                .Where(s => s.RunId == run.Id && s.Time == window && s.Sequence == signal.Sequence)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, status).SetProperty(s => s.Detail, detail).SetProperty(s => s.OrderId, orderId)
                    .SetProperty(s => s.Quantity, quantity), cancellationToken);
            if (status == "refused")
            {
                StrategyLog.SignalRefused(logger, run.Id, signal.Sequence, detail!);
            }
        }

        await db.StrategySteps.Where(s => s.RunId == run.Id && s.Time == window)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Completed, true), cancellationToken);
    }

    /// <summary>What an exit still has to close: the run's position now, less what its open orders on the same side
    /// (bracket legs aside) will close already.</summary>
    private async Task<decimal> StillToCloseAsync(Guid runId, StrategySignal signal, CancellationToken cancellationToken)
    {
        var run = await db.StrategyRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.Allocation).FirstAsync(cancellationToken);
        var position = (await BookAsync(db, runId, run, cancellationToken)).Quantity(signal.Symbol);
        var committed = await db.Orders.AsNoTracking()
            .Where(o => o.StrategyRunId == runId && o.Symbol == signal.Symbol && o.Side == signal.Side && o.BracketLeg == null
                        && OrderStatuses.Open.Contains(o.Status))
            .SumAsync(o => (o.Quantity ?? 0m) - o.FilledQuantity, cancellationToken);
        var closable = signal.Side == OrderSides.Sell ? Math.Max(position, 0m) : Math.Max(-position, 0m);
        return Math.Min(signal.Quantity, Math.Max(closable - committed, 0m));
    }

    /// <summary>The run's own cash, equity, positions and pending orders, from its fills and open orders.</summary>
    private async Task<StepRecord> ReadBookAsync(ActiveRun active, CancellationToken cancellationToken)
    {
        var book = await BookAsync(db, active.Id, active.Run.Allocation, cancellationToken);
        var pending = await db.Orders.AsNoTracking()
            .Where(o => o.StrategyRunId == active.Id && o.BracketLeg == null && OrderStatuses.Open.Contains(o.Status))
            .Select(o => o.Symbol).Distinct().ToListAsync(cancellationToken);
        var positions = book.Positions.Where(p => p.Value.Quantity != 0m).ToDictionary(p => p.Key, p => p.Value.Quantity, StringComparer.Ordinal);
        var equity = book.Equity(symbol => active.LastCloses.TryGetValue(symbol, out var close) ? close : null);
        return new StepRecord([], book.Cash, equity, positions, [.. pending.Order(StringComparer.Ordinal)], []);
    }

    /// <summary>The run's book from its fills, in the order they happened.</summary>
    public static async Task<StrategyBook> BookAsync(ExecutionDbContext db, Guid runId, decimal allocation, CancellationToken cancellationToken)
    {
        var fills = await db.OrderFills.AsNoTracking()
            .Join(db.Orders.Where(o => o.StrategyRunId == runId), f => f.OrderId, o => o.Id, (f, _) => f)
            .OrderBy(f => f.FilledAt).ThenBy(f => f.Id)
            .Select(f => new { f.Symbol, f.Side, f.Quantity, f.Price, f.Fee })
            .ToListAsync(cancellationToken);
        var book = new StrategyBook(allocation);
        foreach (var fill in fills)
        {
            book.Apply(fill.Symbol, fill.Side, fill.Quantity, fill.Price, fill.Fee);
        }

        return book;
    }
}
