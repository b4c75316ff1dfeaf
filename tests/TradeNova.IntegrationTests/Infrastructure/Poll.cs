using System.Diagnostics;

namespace TradeNova.IntegrationTests.Infrastructure;

/// <summary>
/// Waits for eventual consistency instead of sleeping: retries a probe with a short backoff until it
/// holds or the timeout passes. A probe that throws counts as "not yet" (a service may be restarting);
/// the last exception is reported if time runs out.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan MaxInterval = TimeSpan.FromMilliseconds(500);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string? description = null)
    {
        await UntilAsync(condition, satisfied => satisfied, timeout, description);
    }

    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> isSatisfied,
        TimeSpan timeout,
        string? description = null)
    {
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromMilliseconds(50);
        Exception? lastError = null;
        T last = default!;

        while (true)
        {
            try
            {
                last = await probe();
                if (isSatisfied(last))
                {
                    return last;
                }

                lastError = null;
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                lastError = error;
            }

            if (clock.Elapsed >= timeout)
            {
                var what = description ?? "condition";
                var detail = lastError is null ? $"last value: {last}" : $"last error: {lastError.GetType().Name}: {lastError.Message}";
                throw new TimeoutException($"{what} did not hold within {timeout.TotalSeconds:0.#} s ({detail}).", lastError);
            }

            await Task.Delay(interval);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxInterval.Ticks));
        }
    }
}
