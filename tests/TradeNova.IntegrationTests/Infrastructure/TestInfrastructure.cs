namespace TradeNova.IntegrationTests.Infrastructure;

/// <summary>
/// Disposable per-run resources on the machine's real servers: a fresh database (optionally with the
/// per-service roles and schemas) and a fresh vhost. Disposing drops both.
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Services = ["identity", "billing", "portfolio", "execution", "risk", "backtest"];

    private TestInfrastructure(TestDatabase database, TestVhost vhost)
    {
        Database = database;
        Vhost = vhost;
    }

    public TestDatabase Database { get; }

    public TestVhost Vhost { get; }

    public static async Task<TestInfrastructure> CreateAsync(IEnumerable<string>? services = null, CancellationToken cancellationToken = default)
    {
        var database = await TestDatabase.CreateAsync(services, cancellationToken);
        try
        {
            var vhost = await TestVhost.CreateAsync(cancellationToken);
            return new TestInfrastructure(database, vhost);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Vhost.DisposeAsync();
        }
        finally
        {
            await Database.DisposeAsync();
        }
    }
}
