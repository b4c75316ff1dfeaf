namespace TradeNova.IntegrationTests.Messaging;

/// <summary>A clock that stands still, so "not due yet" does not depend on how fast the machine is.</summary>
public sealed class FrozenTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
