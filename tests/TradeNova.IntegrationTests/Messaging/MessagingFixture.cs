using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.IntegrationTests.Messaging;

/// <summary>One fresh database (schema <c>msgtest</c> owned by its own role) and one fresh vhost for the messaging tests.</summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    private TestInfrastructure? _infrastructure;

    public string ConnectionString => Infrastructure.Database.ConnectionStringFor(MessagingTestContext.Schema);

    public string AmqpUri => Infrastructure.Vhost.AmqpUri;

    private TestInfrastructure Infrastructure => _infrastructure ?? throw new InvalidOperationException("Fixture not initialised.");

    public async ValueTask InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync([MessagingTestContext.Schema]);
        await using var db = CreateContext();
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }

    public MessagingTestContext CreateContext() =>
        new(new DbContextOptionsBuilder<MessagingTestContext>().UseServiceNpgsql(ConnectionString, MessagingTestContext.Schema).Options);

    public MessagingTestHost CreateHost(TimeSpan? dispatchGrace = null) => new(ConnectionString, AmqpUri, dispatchGrace);

    public async ValueTask DisposeAsync()
    {
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }
}
