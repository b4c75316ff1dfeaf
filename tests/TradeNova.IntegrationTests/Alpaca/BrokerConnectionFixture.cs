using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using TradeNova.IntegrationTests.Identity;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>
/// Built Identity and Execution as processes on loopback, a fresh database and vhost, and a <see cref="FakeAlpacaServer"/>
/// that Execution's Alpaca endpoints point at. Execution logs HTTP client traffic at Trace, so the log is a fair place to
/// look for a leaked credential. Builds nothing: build services/Identity and services/Execution first.
/// </summary>
public sealed class BrokerConnectionFixture : IAsyncLifetime
{
    public const string ActiveKeyId = "kek-2026-12";
    public static readonly string ActiveKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private TestInfrastructure? _infrastructure;

    /// <summary>Short, so a restarted Execution takes over an unanswered submission within seconds.</summary>
    public static readonly TimeSpan SubmissionLease = TimeSpan.FromSeconds(4);

    /// <summary>120 s, or <c>TRADENOVA_TEST_STARTUP_SECONDS</c> as the platform fixture takes it (a machine shared with other builds).</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("TRADENOVA_TEST_STARTUP_SECONDS"), out var seconds) && seconds > 0 ? seconds : 120);

    public FakeAlpacaServer Alpaca { get; private set; } = null!;

    public string AmqpUri => Infrastructure.Vhost.AmqpUri;

    public ServiceProcess Identity { get; private set; } = null!;

    public ServiceProcess Execution { get; private set; } = null!;

    public TestInfrastructure Infrastructure => _infrastructure ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var output = Path.Combine(TestSettings.Current.OutputDirectory, $"alpaca-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(output);
        Alpaca = await FakeAlpacaServer.StartAsync((AlpacaTestClients.KeyId, AlpacaTestClients.Secret));
        _infrastructure = await TestInfrastructure.CreateAsync(["identity", "execution"]);
        var identityPort = FreePort();
        Dictionary<string, string> Common(string service) => new(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            [$"ConnectionStrings__{service}db"] = _infrastructure.Database.ConnectionStringFor(service),
            ["ConnectionStrings__messaging"] = _infrastructure.Vhost.AmqpUri,
            ["services__identity__http__0"] = $"http://127.0.0.1:{identityPort}",
            ["TradeNova__Jwt__Issuer"] = "tradenova-identity",
            ["TradeNova__Jwt__Audience"] = "tradenova",
            ["OTEL_SERVICE_NAME"] = service,
            ["Logging__LogLevel__Default"] = "Information",
        };

        var execution = Common("execution");
        execution["Logging__LogLevel__System.Net.Http.HttpClient"] = "Trace";
        execution["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug";
        execution["TradeNova__Alpaca__PaperTradingUrl"] = Alpaca.BaseAddress.ToString();
        execution["TradeNova__Alpaca__LiveTradingUrl"] = Alpaca.BaseAddress.ToString();
        execution["TradeNova__Alpaca__DataUrl"] = Alpaca.BaseAddress.ToString();
        execution["TradeNova__Alpaca__PaperStreamUrl"] = Alpaca.StreamAddress.ToString();
        execution["TradeNova__Alpaca__LiveStreamUrl"] = Alpaca.StreamAddress.ToString();
        execution["TradeNova__Alpaca__DataStreamUrl"] = Alpaca.DataStreamAddress().ToString();
        execution["TradeNova__Alpaca__StreamReconnectDelay"] = "00:00:00.200";
        execution["TradeNova__Alpaca__StreamMaxReconnectDelay"] = "00:00:01";
        execution["TradeNova__Alpaca__SubmissionLease"] = SubmissionLease.ToString();
        execution["TradeNova__Alpaca__SubmitterInterval"] = "00:00:01";
        execution["TradeNova__Alpaca__StreamSweepInterval"] = "00:00:02";
        execution["TradeNova__Execution__RiskTimeout"] = "00:00:10";
        execution["TradeNova__Execution__RecoveryInterval"] = "00:00:01";
        execution["TradeNova__Execution__CredentialEncryption__ActiveKeyId"] = ActiveKeyId;
        execution[$"TradeNova__Execution__CredentialEncryption__Keys__{ActiveKeyId}"] = ActiveKey;
        Identity = new ServiceProcess("identity", Dll("Identity"), identityPort, Common("identity"), Path.Combine(output, "identity.log"));
        Execution = new ServiceProcess("execution", Dll("Execution"), FreePort(), execution, Path.Combine(output, "execution.log"));
        try
        {
            Identity.Start();
            Execution.Start();
            await Task.WhenAll(Identity.WaitHealthyAsync(StartupTimeout), Execution.WaitHealthyAsync(StartupTimeout));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task RestartExecutionAsync()
    {
        Execution.Start();
        await Execution.WaitHealthyAsync(StartupTimeout);
    }

    /// <summary>One scalar from the execution schema (tests look, never write).</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Infrastructure.Database.ConnectionStringFor("execution"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public HttpClient CreateExecutionClient() => new() { BaseAddress = Execution.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<string> NewUserTokenAsync()
    {
        using var identity = new HttpClient { BaseAddress = Identity.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var account = await identity.NewAccountAsync("broker");
        return (await identity.LoginAsync(account)).AccessToken;
    }

    /// <summary>Every row of every table in the execution schema, as text (bytea as hex).</summary>
    public async Task<string> ExecutionSchemaAsTextAsync()
    {
        await using var connection = new NpgsqlConnection(Infrastructure.Database.ConnectionStringFor("execution"));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'execution' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT t::text FROM execution.\"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { Execution, Identity })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
            _infrastructure = null;
        }

        if (Alpaca is not null)
        {
            await Alpaca.DisposeAsync();
        }
    }

    private static string Dll(string project) =>
        Path.Combine(TestSettings.RepositoryRoot, "services", project, "bin", PlatformFixture.Configuration, "net10.0", $"TradeNova.{project}.dll");

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
