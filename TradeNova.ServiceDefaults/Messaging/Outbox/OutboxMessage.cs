namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>An integration event staged in the service's schema, committed with the state change that caused it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Also the MassTransit MessageId, so consumers' inboxes deduplicate a republished row.</summary>
    public Guid Id { get; init; }

    /// <summary>CLR type as <c>Full.Name, Assembly</c>; resolves the contract when the relay publishes.</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Earliest time the relay tries this row again; moves forward with backoff after a failure.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>W3C traceparent of the operation that staged the event, so the publish joins its trace.</summary>
    public string? TraceParent { get; init; }
}
