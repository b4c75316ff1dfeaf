namespace TradeNova.IntegrationTests.Identity;

/// <summary>Identity tests share one Identity process and database; every test uses its own fresh email addresses.</summary>
[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFixture>
{
    public const string Name = "Identity";
}
