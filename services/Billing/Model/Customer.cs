namespace TradeNova.Billing.Model;

/// <summary>The billing side of a user: one row per user, created on registration.</summary>
public sealed class Customer
{
    public Guid UserId { get; init; }

    public required string Email { get; set; }

    /// <summary>One of <see cref="CustomerStatuses"/>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
