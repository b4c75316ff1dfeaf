namespace TradeNova.Billing.Model;

/// <summary>An admin's action on a user's subscription, with the reason given; the table is append-only.</summary>
public sealed class AdminAuditEntry
{
    public long Id { get; init; }

    public Guid AdminUserId { get; init; }

    public Guid UserId { get; init; }

    public required string Action { get; init; }

    public required string Reason { get; init; }

    public string? Detail { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
