namespace TradeNova.Identity.Model;

/// <summary>A security-relevant event. The table is append-only (a trigger refuses UPDATE and DELETE).</summary>
public sealed class AuditLogEntry
{
    public long Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public required string Action { get; init; }

    public Guid? UserId { get; init; }

    public string? Email { get; init; }

    public string? IpAddress { get; init; }

    public string? Detail { get; init; }
}
