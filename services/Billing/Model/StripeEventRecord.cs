namespace TradeNova.Billing.Model;

/// <summary>The webhook inbox: a Stripe event id applied once, in the same transaction as its effect.</summary>
public sealed class StripeEventRecord
{
    public required string EventId { get; init; }

    public required string Type { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
