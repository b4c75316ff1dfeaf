namespace TradeNova.IntegrationTests.Messaging;

/// <summary>The integration event the messaging tests stage, relay and consume.</summary>
public sealed record TestAccountOpened(Guid AccountId, string Name);
