namespace TradeNova.IntegrationTests.Platform;

/// <summary>All platform tests share one set of processes and run one after another (one test kills a service).</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}
