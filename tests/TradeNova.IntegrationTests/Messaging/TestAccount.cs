namespace TradeNova.IntegrationTests.Messaging;

/// <summary>Producer-side state that must commit together with its event.</summary>
public sealed class TestAccount
{
    public Guid Id { get; init; }

    public required string Name { get; init; }
}
