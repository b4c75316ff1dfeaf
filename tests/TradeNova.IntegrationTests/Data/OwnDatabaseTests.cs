using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Data;

/// <summary>
/// Each test on a database of its own, with the tables of <see cref="CreateModelContext"/>'s model created in
/// <paramref name="schema"/> before it runs, and the database dropped after it.
/// </summary>
public abstract class OwnDatabaseTests(string schema) : IAsyncLifetime
{
    private TestInfrastructure? _infrastructure;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The connection string of the test's database, as the schema's owner.</summary>
    protected string ConnectionString =>
        (_infrastructure ?? throw new InvalidOperationException("Not initialised.")).Database.ConnectionStringFor(schema);

    public async ValueTask InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync([schema], Ct);
        await using var db = CreateModelContext();
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    /// <summary>A context whose model holds the tables the tests use.</summary>
    protected abstract DbContext CreateModelContext();
}
