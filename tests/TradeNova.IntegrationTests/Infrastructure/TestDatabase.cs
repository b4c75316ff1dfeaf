using Npgsql;

namespace TradeNova.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one test run (<c>tn_test_&lt;hex&gt;</c>), dropped on dispose.
/// Optionally laid out like production: one login role per service owning schema <c>&lt;svc&gt;</c>
/// and nothing else. Roles are cluster-wide, so their names carry the database's suffix.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Dictionary<string, string> _serviceConnectionStrings;
    private readonly List<string> _roles;

    private TestDatabase(string name, string connectionString, Dictionary<string, string> services, List<string> roles)
    {
        Name = name;
        ConnectionString = connectionString;
        _serviceConnectionStrings = services;
        _roles = roles;
    }

    public string Name { get; }

    /// <summary>Superuser connection string to this database.</summary>
    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, string> ServiceConnectionStrings => _serviceConnectionStrings;

    /// <summary>Connection string of the role that owns schema <paramref name="service"/>.</summary>
    public string ConnectionStringFor(string service) =>
        _serviceConnectionStrings.TryGetValue(service, out var value)
            ? value
            : throw new ArgumentException($"Database {Name} was created without service '{service}'.", nameof(service));

    public static async Task<TestDatabase> CreateAsync(IEnumerable<string>? services = null, CancellationToken cancellationToken = default)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var name = $"tn_test_{suffix}";
        var admin = new NpgsqlConnectionStringBuilder(TestSettings.Current.PostgresAdmin);

        await using (var server = await OpenAsync(admin.ConnectionString, cancellationToken))
        {
            await ExecuteAsync(server, $"CREATE DATABASE {name}", cancellationToken);
            await ExecuteAsync(server, $"REVOKE ALL ON DATABASE {name} FROM PUBLIC", cancellationToken);
        }

        var database = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Pooling = false };
        var serviceConnectionStrings = new Dictionary<string, string>(StringComparer.Ordinal);
        var roles = new List<string>();
        var created = new TestDatabase(name, database.ConnectionString, serviceConnectionStrings, roles);

        try
        {
            await using var connection = await OpenAsync(database.ConnectionString, cancellationToken);
            await ExecuteAsync(connection, "REVOKE ALL ON SCHEMA public FROM PUBLIC", cancellationToken);

            foreach (var service in (services ?? []).Distinct())
            {
                if (!IsIdentifier(service))
                {
                    throw new ArgumentException($"'{service}' is not a plain lower-case service name.", nameof(services));
                }

                var role = $"{name}_{service}";
                var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
                await ExecuteAsync(connection, $"CREATE ROLE {role} LOGIN PASSWORD '{password}'", cancellationToken);
                roles.Add(role);
                await ExecuteAsync(connection, $"GRANT CONNECT ON DATABASE {name} TO {role}", cancellationToken);
                await ExecuteAsync(connection, $"CREATE SCHEMA {service} AUTHORIZATION {role}", cancellationToken);
                await ExecuteAsync(connection, $"ALTER ROLE {role} IN DATABASE {name} SET search_path = {service}", cancellationToken);

                serviceConnectionStrings[service] = new NpgsqlConnectionStringBuilder(admin.ConnectionString)
                {
                    Database = name,
                    Username = role,
                    Password = password,
                }.ConnectionString;
            }
        }
        catch
        {
            await created.DisposeAsync();
            throw;
        }

        return created;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = await OpenAsync(TestSettings.Current.PostgresAdmin, CancellationToken.None);
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);
        foreach (var role in _roles)
        {
            await ExecuteAsync(server, $"DROP ROLE IF EXISTS {role}", CancellationToken.None);
        }
    }

    private static bool IsIdentifier(string value) =>
        value.Length is > 0 and <= 30 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
