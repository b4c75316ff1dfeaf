namespace TradeNova.IntegrationTests.Execution;

/// <summary>A message the test bus received, with the MassTransit message id (the outbox row id) it carried.</summary>
public sealed record ObservedMessage(Guid? MessageId, object Message, DateTimeOffset ReceivedAt);
