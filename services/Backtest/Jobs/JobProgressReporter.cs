using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace TradeNova.Backtest.Jobs;

/// <summary>Collects a run's progress from the engine threads (cheap: one volatile write) and, on its own loop, writes
/// it with an ETA to the job row every <see cref="Interval"/>, which also renews the lease. When the row says the run
/// lost the job or the user cancelled, it cancels the run.</summary>
public sealed class JobProgressReporter : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _cancelRun;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;
    private double _progress;

    public JobProgressReporter(IServiceScopeFactory scopes, JobSignal signal, Guid jobId, Guid runToken, CancellationToken consumeToken)
    {
        _cancelRun = CancellationTokenSource.CreateLinkedTokenSource(consumeToken);
        _loop = Task.Run(() => LoopAsync(scopes, signal, jobId, runToken));
    }

    /// <summary>Cancelled when the user cancels, the run loses the job, or the service stops.</summary>
    public CancellationToken RunCancelled => _cancelRun.Token;

    public void Report(double fraction)
    {
        // Parallel workers report out of order; keep the largest.
        double current;
        do
        {
            current = Volatile.Read(ref _progress);
            if (fraction <= current)
                return;
        }
        while (Interlocked.CompareExchange(ref _progress, fraction, current) != current);
    }

    private async Task LoopAsync(IServiceScopeFactory scopes, JobSignal signal, Guid jobId, Guid runToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var progress = Math.Min(Volatile.Read(ref _progress), 0.99);
                var elapsed = _clock.Elapsed.TotalSeconds;
                double? eta = progress > 0.01 ? elapsed * (1 - progress) / progress : null;
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<JobStore>();
                if (!await store.HeartbeatAsync(jobId, runToken, progress, eta, _stop.Token))
                {
                    await _cancelRun.CancelAsync();
                    return;
                }

                signal.Pulse();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run finished; the final transition writes the last state.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // A failed heartbeat write must not hide the run's own outcome.
        }

        _stop.Dispose();
        _cancelRun.Dispose();
    }
}
