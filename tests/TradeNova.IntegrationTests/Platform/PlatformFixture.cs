using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using TradeNova.IntegrationTests.Alpaca;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Telemetry;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>
/// The whole platform as real processes: the six built services and the gateway, each on a free loopback
/// port, sharing a fresh database (one role + schema per service) and a fresh vhost. Builds nothing: it runs
/// <c>services/&lt;Svc&gt;/bin/&lt;Config&gt;/net10.0</c> where Config is this test assembly's own configuration.
/// Process output goes to <c>TRADENOVA_TEST_OUTPUT/platform-&lt;run&gt;/&lt;name&gt;.log</c>.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly IReadOnlyList<string> Services = TestInfrastructure.Services;

    /// <summary>Generous limits for the shared gateway, so tests do not throttle each other.</summary>
    private static readonly Dictionary<string, string> SharedGatewayLimits = new()
    {
        ["TradeNova__RateLimits__PerIp__PermitLimit"] = "1000",
        ["TradeNova__RateLimits__PerIp__WindowSeconds"] = "60",
        ["TradeNova__RateLimits__PerUser__PermitLimit"] = "1000",
        ["TradeNova__RateLimits__PerUser__WindowSeconds"] = "60",
        ["TradeNova__RateLimits__Auth__PermitLimit"] = "1000",
        ["TradeNova__RateLimits__Auth__WindowSeconds"] = "60",
    };

    /// <summary>180 s, or <c>TRADENOVA_TEST_STARTUP_SECONDS</c> on a machine shared with other builds.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("TRADENOVA_TEST_STARTUP_SECONDS"), out var seconds) && seconds > 0 ? seconds : 180);

    private readonly Dictionary<string, ServiceProcess> _processes = new(StringComparer.Ordinal);
    private readonly List<ServiceProcess> _extraGateways = [];
    private readonly Dictionary<string, Dictionary<string, string>> _serviceEnvironments = new(StringComparer.Ordinal);
    private TestInfrastructure? _infrastructure;
    private OtlpReceiver? _telemetry;
    private FakeAlpacaServer? _alpaca;
    private Dictionary<string, string> _gatewayEnvironment = [];

    public string OutputDirectory { get; } = Path.Combine(
        TestSettings.Current.OutputDirectory, $"platform-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");

    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public ServiceProcess Gateway => _processes["gateway"];

    /// <summary>The loopback Alpaca that Execution calls; a test adds its own keys (<see cref="FakeAlpacaServer.Keys"/>) and bars.</summary>
    public FakeAlpacaServer Alpaca => _alpaca ?? throw new InvalidOperationException("Platform not started.");

    public Uri GatewayAddress => Gateway.BaseAddress;

    public TestInfrastructure Infrastructure => _infrastructure ?? throw new InvalidOperationException("Platform not started.");

    public ServiceProcess this[string name] => _processes[name];

    /// <summary>Where every process exports its traces (OTLP/HTTP on loopback), as the Aspire dashboard receives them.</summary>
    public OtlpReceiver Telemetry => _telemetry ?? throw new InvalidOperationException("Platform not started.");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(OutputDirectory);
        _infrastructure = await TestInfrastructure.CreateAsync(Services);
        _telemetry = await OtlpReceiver.StartAsync();
        // Alpaca on loopback, knowing no keys: a broker connection attempt is answered (keys refused), never sent out.
        _alpaca = await FakeAlpacaServer.StartAsync();

        var ports = FreePorts(Services.Count + 1);
        var serviceUrls = Services.Select((service, i) => (service, port: ports[i])).ToList();
        var common = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["TradeNova__Jwt__Issuer"] = "tradenova-identity",
            ["TradeNova__Jwt__Audience"] = "tradenova",
            ["Logging__LogLevel__Default"] = "Information",
            // Standard OpenTelemetry variables only: ServiceDefaults exports when the endpoint is set.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _telemetry.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        };

        // What each process gets under Aspire (TradeNova.AppHost): a service its own database role, the broker
        // and Identity's URL; the gateway the six service URLs (and, here, the built SPA).
        var identityUrl = $"http://127.0.0.1:{serviceUrls.Single(s => s.service == "identity").port}";
        foreach (var (service, port) in serviceUrls)
        {
            var environment = new Dictionary<string, string>(common)
            {
                [$"ConnectionStrings__{service}db"] = _infrastructure.Database.ConnectionStringFor(service),
                ["ConnectionStrings__messaging"] = _infrastructure.Vhost.AmqpUri,
                ["services__identity__http__0"] = identityUrl,
                ["OTEL_SERVICE_NAME"] = service,
            };
            if (service == "execution")
            {
                // As under Aspire, where the runner makes the key: users' broker credentials are sealed under it.
                environment["TradeNova__Execution__CredentialEncryption__ActiveKeyId"] = "test-1";
                environment["TradeNova__Execution__CredentialEncryption__Keys__test-1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                environment["TradeNova__Alpaca__PaperTradingUrl"] = _alpaca.BaseAddress.ToString();
                environment["TradeNova__Alpaca__LiveTradingUrl"] = _alpaca.BaseAddress.ToString();
                environment["TradeNova__Alpaca__DataUrl"] = _alpaca.BaseAddress.ToString();
                environment["TradeNova__Alpaca__PaperStreamUrl"] = _alpaca.StreamAddress.ToString();
                environment["TradeNova__Alpaca__LiveStreamUrl"] = _alpaca.StreamAddress.ToString();
                // Live strategy runs take the user's minute bars from the market data stream (the iex feed, the default).
                environment["TradeNova__Alpaca__DataStreamUrl"] = _alpaca.DataStreamAddress().ToString();
                // As ExecutionFixture and BrokerConnectionFixture: on a shared two-core machine Risk's answer can take
                // longer than the 5 s default, and a strategy's one buy then ends rejected as risk-unavailable.
                environment["TradeNova__Execution__RiskTimeout"] = "00:00:10";
                // Broker accounts reported every 3 s rather than every minute, so a change at the broker shows soon.
                environment["TradeNova__Alpaca__AccountSync__Interval"] = "00:00:03";
                environment["TradeNova__Alpaca__AccountSync__SweepInterval"] = "00:00:01";
            }

            if (service == "backtest")
            {
                // As the AppHost's WithReference(execution): the lab reads Alpaca bars through Execution.
                environment["services__execution__http__0"] = $"http://127.0.0.1:{serviceUrls.Single(s => s.service == "execution").port}";
            }

            _serviceEnvironments[service] = environment;
            _processes[service] = NewProcess(service, port, environment);
        }

        _gatewayEnvironment = new Dictionary<string, string>(common)
        {
            ["TradeNova__Gateway__SpaRoot"] = Path.Combine(TestSettings.RepositoryRoot, "web", "dist"),
            ["OTEL_SERVICE_NAME"] = "gateway",
        };
        foreach (var (service, port) in serviceUrls)
        {
            _gatewayEnvironment[$"services__{service}__http__0"] = $"http://127.0.0.1:{port}";
        }

        _processes["gateway"] = NewProcess("gateway", ports[^1], Merge(_gatewayEnvironment, SharedGatewayLimits));

        try
        {
            foreach (var process in _processes.Values)
            {
                process.Start();
            }

            await Task.WhenAll(_processes.Values.Select(process => process.WaitHealthyAsync(StartupTimeout)));
        }
        catch
        {
            // A half-started platform must not outlive the failed fixture.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A second gateway in front of the same services, with its own settings (e.g. tiny rate limits).</summary>
    public async Task<ServiceProcess> StartExtraGatewayAsync(IReadOnlyDictionary<string, string> settings)
    {
        var gateway = NewProcess($"gateway-{_extraGateways.Count + 1}", FreePorts(1)[0], Merge(_gatewayEnvironment, settings));
        _extraGateways.Add(gateway);
        gateway.Start();
        await gateway.WaitHealthyAsync(StartupTimeout);
        return gateway;
    }

    /// <summary>Another instance of a service (same database and broker, its own port), as a second replica behind the
    /// gateway would run, with <paramref name="settings"/> on top of the service's own; stopped with the fixture.</summary>
    public async Task<ServiceProcess> StartExtraInstanceAsync(string service, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = settings is null ? _serviceEnvironments[service] : Merge(_serviceEnvironments[service], settings);
        var instance = NewProcess($"{service}-{_extraGateways.Count + 2}", FreePorts(1)[0], environment, service);
        _extraGateways.Add(instance);
        instance.Start();
        await instance.WaitHealthyAsync(StartupTimeout);
        return instance;
    }

    /// <summary>Kills one service abruptly (Process.Kill), like a crash.</summary>
    public Task KillAsync(string name) => _processes[name].KillAsync();

    /// <summary>Starts a killed service again on the same port and waits for its health.</summary>
    public async Task RestartAsync(string name)
    {
        var process = _processes[name];
        process.Start();
        await process.WaitHealthyAsync(StartupTimeout);
    }

    public HttpClient CreateGatewayClient() => new() { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Values.Concat(_extraGateways))
        {
            try
            {
                await process.DisposeAsync();
            }
            catch (Exception error) when (error is InvalidOperationException or OperationCanceledException)
            {
                // Already gone; nothing left to stop.
            }
        }

        if (_alpaca is { } alpaca)
        {
            _alpaca = null;
            await alpaca.DisposeAsync();
        }

        var telemetry = _telemetry;
        _telemetry = null;
        if (telemetry is not null)
        {
            await telemetry.DisposeAsync();
        }

        var infrastructure = _infrastructure;
        _infrastructure = null;
        if (infrastructure is not null)
        {
            await infrastructure.DisposeAsync();
        }
    }

    private ServiceProcess NewProcess(string name, int port, IReadOnlyDictionary<string, string> environment, string? service = null)
    {
        service ??= name;
        var project = name.StartsWith("gateway", StringComparison.Ordinal) ? "Gateway" : char.ToUpperInvariant(service[0]) + service[1..];
        var folder = project == "Gateway"
            ? Path.Combine(TestSettings.RepositoryRoot, "gateway")
            : Path.Combine(TestSettings.RepositoryRoot, "services", project);
        var dll = Path.Combine(folder, "bin", Configuration, "net10.0", $"TradeNova.{project}.dll");
        return new ServiceProcess(name, dll, port, environment, Path.Combine(OutputDirectory, $"{name}.log"));
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        var merged = new Dictionary<string, string>(first, StringComparer.Ordinal);
        foreach (var (key, value) in second)
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>Distinct ports the OS reports free on 127.0.0.1 (held open together so none repeats).</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }
}
