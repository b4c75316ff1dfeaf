namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>The broker connection tests share one Identity + Execution pair and its fake Alpaca.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerConnectionCollection : ICollectionFixture<BrokerConnectionFixture>
{
    public const string Name = "BrokerConnection";
}
