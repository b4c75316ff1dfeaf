using Npgsql;
using RabbitMQ.Client;

namespace TradeNova.IntegrationTests.Infrastructure;

public class TestInfrastructureTests
{
    [Fact]
    public async Task Service_role_owns_its_schema_and_cannot_touch_another_service_schema()
    {
        await using var database = await TestDatabase.CreateAsync(["identity", "billing"], TestContext.Current.CancellationToken);

        await using var identity = new NpgsqlConnection(database.ConnectionStringFor("identity"));
        await identity.OpenAsync(TestContext.Current.CancellationToken);
        await using (var create = new NpgsqlCommand("CREATE TABLE users (id int); INSERT INTO users VALUES (1)", identity))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var intrusion = new NpgsqlCommand("CREATE TABLE billing.stolen (id int)", identity);
        var denied = await Should.ThrowAsync<PostgresException>(() => intrusion.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        denied.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task Disposed_database_and_its_roles_are_gone()
    {
        var database = await TestDatabase.CreateAsync(["risk"], TestContext.Current.CancellationToken);
        var name = database.Name;
        await database.DisposeAsync();

        await using var admin = new NpgsqlConnection(TestSettings.Current.PostgresAdmin);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using var leftovers = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM pg_database WHERE datname = @name) + (SELECT count(*) FROM pg_roles WHERE rolname LIKE @name || '%')",
            admin);
        leftovers.Parameters.AddWithValue("name", name);
        ((long)(await leftovers.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(0);
    }

    [Fact]
    public async Task Fresh_vhost_accepts_amqp_connections_and_is_deleted_on_dispose()
    {
        var vhost = await TestVhost.CreateAsync(TestContext.Current.CancellationToken);
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(vhost.AmqpUri) };
            await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
            var queue = await channel.QueueDeclareAsync(cancellationToken: TestContext.Current.CancellationToken);
            queue.QueueName.ShouldNotBeNullOrEmpty();
        }
        finally
        {
            await vhost.DisposeAsync();
        }

        using var client = TestVhost.CreateManagementClient(out _);
        using var response = await client.GetAsync($"api/vhosts/{Uri.EscapeDataString(vhost.Name)}", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Poll_returns_as_soon_as_the_condition_holds_and_times_out_with_a_reason()
    {
        var calls = 0;
        await Poll.UntilAsync(() => Task.FromResult(++calls >= 3), TimeSpan.FromSeconds(5));
        calls.ShouldBe(3);

        var timeout = await Should.ThrowAsync<TimeoutException>(
            () => Poll.UntilAsync(() => Task.FromResult(false), TimeSpan.FromMilliseconds(200), "never"));
        timeout.Message.ShouldContain("never");
    }
}
