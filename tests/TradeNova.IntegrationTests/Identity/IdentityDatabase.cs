using System.Text.Json;
using Npgsql;
using TradeNova.Contracts.Identity;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>Reads the identity schema of the run's database, to check what a request left behind.</summary>
public sealed class IdentityDatabase(TestDatabase database)
{
    /// <summary>The outbox's version-free type name of <see cref="UserRegistered"/>.</summary>
    public static readonly string UserRegisteredType = $"{typeof(UserRegistered).FullName}, {typeof(UserRegistered).Assembly.GetName().Name}";

    /// <summary>A connection as the service's own login role (owner of the schema), not as a superuser.</summary>
    public async Task<NpgsqlConnection> OpenAsIdentityRoleAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionStringFor("identity"));
        await connection.OpenAsync(Ct);
        return connection;
    }

    public async Task<NpgsqlConnection> OpenAsAdminAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    /// <summary>Users whose email equals <paramref name="email"/> ignoring case.</summary>
    public async Task<long> CountUsersAsync(string email) =>
        (await QueryAsync(
            "SELECT count(*) FROM identity.users WHERE normalized_email = lower(@email)",
            reader => reader.GetInt64(0),
            ("email", email))).Single();

    public Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync(Guid? userId, string? email) =>
        QueryAsync(
            "SELECT id, action, user_id, email, detail FROM identity.audit_log " +
            "WHERE user_id = @userId::uuid OR upper(email) = upper(@email::text) ORDER BY id",
            reader => new AuditEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)),
            ("userId", (object?)userId ?? DBNull.Value),
            ("email", (object?)email ?? DBNull.Value));

    /// <summary>Outbox rows of any type whose body names <paramref name="email"/> (ignoring case) or <paramref name="userId"/>.</summary>
    public Task<IReadOnlyList<OutboxRow>> OutboxRowsAsync(Guid? userId, string email) =>
        QueryAsync(
            "SELECT id, message_type, body::text, created_at FROM identity.outbox_messages " +
            "WHERE upper(body->>'email') = upper(@email::text) OR body->>'userId' = @userId::text ORDER BY created_at",
            reader => new OutboxRow(
                reader.GetGuid(0),
                reader.GetString(1),
                JsonDocument.Parse(reader.GetString(2)).RootElement.Clone(),
                reader.GetFieldValue<DateTimeOffset>(3)),
            ("email", email),
            ("userId", (object?)userId?.ToString() ?? DBNull.Value));

    /// <summary>Gives <paramref name="userId"/> the admin role; their next sign-in's token carries it.</summary>
    public async Task PromoteToAdminAsync(Guid userId)
    {
        await using var connection = await OpenAsAdminAsync();
        await using var command = new NpgsqlCommand("UPDATE identity.users SET role = 'admin' WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        (await command.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
    }

    /// <summary>Backends of the identity role in this database that are waiting for a lock held by another transaction.</summary>
    public async Task<long> CountIdentityBackendsWaitingForLocksAsync() =>
        (await QueryAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = @role AND wait_event_type = 'Lock'",
            reader => reader.GetInt64(0),
            ("role", $"{database.Name}_identity"))).Single();

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsAdminAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
