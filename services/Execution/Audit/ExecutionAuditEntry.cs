namespace TradeNova.Execution.Audit;

/// <summary>
/// One security-relevant action in Execution (broker keys connected or disconnected, the account switched between
/// paper and live). Append-only: the database refuses updates and deletes. Never holds a credential.
/// </summary>
public sealed class ExecutionAuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public Guid UserId { get; init; }

    /// <summary>One of <see cref="ExecutionAuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>What the SPA may show anyway: broker, environment, masked key id, account number, mode.</summary>
    public string? Detail { get; init; }

    public string? IpAddress { get; init; }
}
