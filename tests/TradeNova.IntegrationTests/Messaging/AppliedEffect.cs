namespace TradeNova.IntegrationTests.Messaging;

/// <summary>Consumer-side state: one row per time the handler actually ran.</summary>
public sealed class AppliedEffect
{
    public Guid Id { get; init; }

    public Guid AccountId { get; init; }
}
