namespace TradeNova.Billing.Model;

/// <summary>
/// One row per user: Billing's own free trial, the provider's latest view of the paid subscription (a snapshot,
/// replaced only by a newer one), an admin grant, and the state derived from them and last published.
/// </summary>
public sealed class Subscription
{
    public Guid UserId { get; init; }

    public string Email { get; set; } = "";

    public required string Plan { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>End of Billing's free trial (no card needed); null when the user never had one.</summary>
    public DateTimeOffset? TrialEndsAt { get; set; }

    /// <summary><see cref="BillingProviders"/> of the paid subscription; null until the user subscribes.</summary>
    public string? Provider { get; set; }

    public string? ExternalCustomerId { get; set; }

    public string? ExternalSubscriptionId { get; set; }

    /// <summary>The provider's status in Stripe's vocabulary (active, past_due, canceled, unpaid, incomplete, ...).</summary>
    public string? ProviderStatus { get; set; }

    public DateTimeOffset? CurrentPeriodStart { get; set; }

    public DateTimeOffset? CurrentPeriodEnd { get; set; }

    public bool CancelAtPeriodEnd { get; set; }

    /// <summary>When the provider's snapshot was true (Stripe's event time); an older snapshot never replaces it.</summary>
    public DateTimeOffset? ProviderStateAt { get; set; }

    /// <summary>Local provider only: the next renewal charge fails (a test and admin hook).</summary>
    public bool FailNextPayment { get; set; }

    /// <summary>Complimentary access granted by an admin, independent of payments.</summary>
    public DateTimeOffset? GrantedUntil { get; set; }

    /// <summary>The derived state last published (<see cref="SubscriptionStatuses"/>).</summary>
    public required string Status { get; set; }

    /// <summary>Until when the published state grants access (trial end, period end, grace end, grant end).</summary>
    public DateTimeOffset? AccessEndsAt { get; set; }

    /// <summary>The earliest time the derived state can change by the clock alone; the clock reviews the row then.</summary>
    public DateTimeOffset? NextReviewAt { get; set; }

    /// <summary>Increases with every published change; consumers keep the highest.</summary>
    public long Version { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>PostgreSQL xmin: two writers of one row (webhook, clock, API) cannot both win.</summary>
    public uint RowVersion { get; set; }
}
