namespace TradeNova.IntegrationTests.Messaging;

/// <summary>The event the single-command inbox path consumes; a name of <c>poison</c> makes its command fail half-way.</summary>
public sealed record TestAccountRenamed(Guid AccountId, string Name);
