using System.Net;
using System.Net.Sockets;
using Npgsql;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Execution;

/// <summary>
/// The built Execution service with the Identity service it takes tokens from, as real processes on free loopback
/// ports, with a fresh database (roles and schemas as in production) and vhost. No Risk service runs: a test that needs
/// answers hosts a <see cref="ExecutionTestBus"/> with a real CheckOrderRisk consumer on the same vhost. Risk's timeout
/// is 10 s (the machine is shared; load averages far above its 2 cores have been seen) and the exchange offers <see cref="QuoteSize"/> shares per tick, so partial fills are easy to provoke.
/// Builds nothing: build services/Identity and services/Execution in this assembly's configuration first.
/// </summary>
public sealed class ExecutionFixture : IAsyncLifetime
{
    public const decimal QuoteSize = 50m;
    public static readonly TimeSpan StrategyLease = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan RiskTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private TestInfrastructure? _infrastructure;
    private Dictionary<string, string> _executionEnvironment = [];
    private string _output = "";

    public ServiceProcess Identity { get; private set; } = null!;

    public ServiceProcess Execution { get; private set; } = null!;

    public string AmqpUri => Infrastructure.Vhost.AmqpUri;

    public TestInfrastructure Infrastructure => _infrastructure ?? throw new InvalidOperationException("Execution not started.");

    public async ValueTask InitializeAsync()
    {
        var output = Path.Combine(TestSettings.Current.OutputDirectory, $"execution-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(output);
        _infrastructure = await TestInfrastructure.CreateAsync(["identity", "execution"]);
        var identityPort = FreePort();
        var identityUrl = $"http://127.0.0.1:{identityPort}";
        Dictionary<string, string> Common(string service) => new(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            [$"ConnectionStrings__{service}db"] = _infrastructure.Database.ConnectionStringFor(service),
            ["ConnectionStrings__messaging"] = _infrastructure.Vhost.AmqpUri,
            ["services__identity__http__0"] = identityUrl,
            ["TradeNova__Jwt__Issuer"] = "tradenova-identity",
            ["TradeNova__Jwt__Audience"] = "tradenova",
            ["OTEL_SERVICE_NAME"] = service,
            ["Logging__LogLevel__Default"] = "Information",
        };

        var execution = Common("execution");
        execution["TradeNova__Execution__RiskTimeout"] = RiskTimeout.ToString();
        execution["TradeNova__Execution__RecoveryInterval"] = "00:00:01";
        execution["TradeNova__Market__MinQuoteSize"] = QuoteSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        execution["TradeNova__Market__MaxQuoteSize"] = QuoteSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Strategy runs change hands within seconds when their owner dies (the restart and two-instance tests).
        execution["TradeNova__Strategies__LeaseDuration"] = StrategyLease.ToString();
        execution["TradeNova__Strategies__RenewInterval"] = "00:00:01";
        execution["Logging__LogLevel__TradeNova.Execution.Strategies"] = "Debug";
        _executionEnvironment = execution;
        _output = output;
        Identity = new ServiceProcess("identity", Dll("Identity"), identityPort, Common("identity"), Path.Combine(output, "identity.log"));
        Execution = new ServiceProcess("execution", Dll("Execution"), FreePort(), execution, Path.Combine(output, "execution.log"));
        try
        {
            Identity.Start();
            Execution.Start();
            await Task.WhenAll(Identity.WaitHealthyAsync(StartupTimeout), Execution.WaitHealthyAsync(StartupTimeout));
            await WarmUpAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One throwaway order through the whole path. On this shared 2-core machine the first CheckOrderRisk of a fresh
    /// process has been seen to miss the timeout (and be rejected as risk.unavailable, as it should); tests measure
    /// the steady state.
    /// </summary>
    private async Task WarmUpAsync()
    {
        await using var risk = await ExecutionTestBus.StartAsync(AmqpUri, ExecutionTestBus.Approve());
        using var execution = CreateExecutionClient();
        var token = await this.NewTraderAsync();
        await execution.PlaceOkAsync(token, new { symbol = "SPY", side = "buy", type = "limit", timeInForce = "gtc", quantity = 1, limitPrice = 1m });
    }

    public HttpClient CreateIdentityClient() => new() { BaseAddress = Identity.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient CreateExecutionClient() => new() { BaseAddress = Execution.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task RestartExecutionAsync()
    {
        Execution.Start();
        await Execution.WaitHealthyAsync(StartupTimeout);
    }

    /// <summary>Another Execution instance on the same database and vhost (the caller disposes it).</summary>
    public async Task<ServiceProcess> StartSecondExecutionAsync()
    {
        var second = new ServiceProcess("execution-2", Dll("Execution"), FreePort(), _executionEnvironment, Path.Combine(_output, $"execution-2-{Guid.NewGuid():N}.log"));
        second.Start();
        await second.WaitHealthyAsync(StartupTimeout);
        return second;
    }

    /// <summary>One scalar from the execution schema, read as its owner role (tests look, never write, except to simulate a crash).</summary>
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

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { Execution, Identity })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        var infrastructure = _infrastructure;
        _infrastructure = null;
        if (infrastructure is not null)
        {
            await infrastructure.DisposeAsync();
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
