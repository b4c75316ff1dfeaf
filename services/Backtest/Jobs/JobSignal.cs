namespace TradeNova.Backtest.Jobs;

/// <summary>Wakes this instance's progress streams as soon as one of its workers changes a job, so a finished job is
/// pushed without waiting for the next poll. Streams still poll the database, which covers jobs that another
/// instance runs.</summary>
public sealed class JobSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task NextAsync() => Volatile.Read(ref _next).Task;

    public void Pulse()
    {
        var previous = Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }
}
