namespace TradeNova.Risk.Model;

/// <summary>Append-only audit of every risk decision a person made: limit changes, halts, resumes, kill switch.</summary>
public sealed class RiskAuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Who acted; null for the system (the post-trade monitors).</summary>
    public Guid? ActorId { get; init; }

    public required string ActorRole { get; init; }

    public required string Action { get; init; }

    public Guid? SubjectUserId { get; init; }

    /// <summary>JSON of the state before, when something was changed.</summary>
    public string? OldValue { get; init; }

    public string? NewValue { get; init; }

    public string? Reason { get; init; }
}
