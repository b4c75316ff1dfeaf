namespace TradeNova.Billing.Model;

/// <summary>One attempt to pay an invoice; one per <c>invoice.paid</c> / <c>invoice.payment_failed</c> event.</summary>
public sealed class Payment
{
    /// <summary>The event that reported it (<c>evt_...</c>, or a local id), so a redelivery adds nothing.</summary>
    public required string Id { get; init; }

    public Guid? UserId { get; set; }

    public required string InvoiceId { get; init; }

    public string? ExternalCustomerId { get; init; }

    /// <summary><see cref="PaymentStatuses"/>.</summary>
    public required string Status { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
