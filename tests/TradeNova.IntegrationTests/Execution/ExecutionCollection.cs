namespace TradeNova.IntegrationTests.Execution;

/// <summary>Execution tests share one Execution + Identity pair and run one after another (one kills Execution).</summary>
[CollectionDefinition(Name)]
public sealed class ExecutionCollection : ICollectionFixture<ExecutionFixture>
{
    public const string Name = "Execution";
}
