namespace TradeNova.IntegrationTests.Billing;

[CollectionDefinition(Name)]
public sealed class LocalBillingCollection : ICollectionFixture<LocalBillingFixture>
{
    public const string Name = "LocalBilling";
}
