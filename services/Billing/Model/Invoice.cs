namespace TradeNova.Billing.Model;

/// <summary>A bill for one period, from Stripe or the local provider; part of the user's billing history.</summary>
public sealed class Invoice
{
    /// <summary>Stripe's invoice id (<c>in_...</c>) or a local one (<c>local_in_...</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Null while a Stripe invoice's customer is not yet linked to a user (events arrive in any order).</summary>
    public Guid? UserId { get; set; }

    public required string Provider { get; init; }

    public string? ExternalCustomerId { get; set; }

    public string? ExternalSubscriptionId { get; set; }

    /// <summary>Stripe's invoice status: draft, open, paid, uncollectible, void.</summary>
    public required string Status { get; set; }

    /// <summary>In the currency's major unit (dollars).</summary>
    public decimal AmountDue { get; set; }

    public decimal AmountPaid { get; set; }

    public required string Currency { get; set; }

    public DateTimeOffset? PeriodStart { get; set; }

    public DateTimeOffset? PeriodEnd { get; set; }

    public string? HostedInvoiceUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When this state of the invoice was true (Stripe's event time).</summary>
    public DateTimeOffset StateAt { get; set; }
}
