using System.Collections.Concurrent;

namespace TradeNova.Risk.Checks;

/// <summary>
/// Counts pre-trade checks per user over a sliding minute, from the checks themselves. In memory per Risk instance:
/// with N replicas behind the competing-consumer queue a user's effective cap is at most N times the limit, which is
/// enough to stop a runaway client.
/// </summary>
public sealed class OrderRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, Queue<DateTimeOffset>> _checks = new();

    /// <summary>Records a check and returns how many the user made in the last minute, this one included.</summary>
    public int Record(Guid userId, DateTimeOffset now)
    {
        var queue = _checks.GetOrAdd(userId, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Trim(queue, now);
            queue.Enqueue(now);
            return queue.Count;
        }
    }

    public int Count(Guid userId, DateTimeOffset now)
    {
        if (!_checks.TryGetValue(userId, out var queue))
        {
            return 0;
        }

        lock (queue)
        {
            Trim(queue, now);
            return queue.Count;
        }
    }

    private static void Trim(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && now - queue.Peek() >= Window)
        {
            queue.Dequeue();
        }
    }
}
