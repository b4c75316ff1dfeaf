namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>Bound from <c>TradeNova:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows claimed (and published together) per transaction; bounded so a slow broker holds few row locks.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the relay looks for rows the dispatcher did not publish (stranded by a crash, a broker outage).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a committed row is left to the dispatcher, which publishes it at commit, before the relay takes it too.
    /// </summary>
    public TimeSpan DispatchGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the dispatcher gathers published rows before marking them sent in one statement; well inside
    /// <see cref="DispatchGrace"/>, so the relay does not publish them again.
    /// </summary>
    public TimeSpan MarkSentDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sent outbox rows and inbox entries older than this are pruned.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
