namespace TradeNova.ServiceDefaults.Messaging.Inbox;

/// <summary>A message id a consumer has already applied; the key (MessageId, Consumer) makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
