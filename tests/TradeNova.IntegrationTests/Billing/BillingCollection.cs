namespace TradeNova.IntegrationTests.Billing;

/// <summary>Billing tests share one Identity + Billing pair (Stripe configured against a loopback fake); each uses its own users.</summary>
[CollectionDefinition(Name)]
public sealed class BillingCollection : ICollectionFixture<BillingFixture>
{
    public const string Name = "Billing";
}
