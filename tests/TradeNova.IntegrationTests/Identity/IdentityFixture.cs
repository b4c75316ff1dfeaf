using System.Net;
using System.Net.Sockets;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>
/// The built Identity service alone, as a real process on a free port of 127.0.0.1, with its own fresh database
/// (role and schema <c>identity</c>, as in production) and vhost. Runs in Production so responses are what users get.
/// Like <see cref="PlatformFixture"/> it builds nothing: build <c>services/Identity</c> in this assembly's configuration first.
/// </summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private TestInfrastructure? _infrastructure;
    private ServiceProcess? _process;

    public ServiceProcess Process => _process ?? throw new InvalidOperationException("Identity not started.");

    public IdentityDatabase Database { get; private set; } = null!;

    /// <summary>The run's vhost, as <c>ConnectionStrings__messaging</c> gives it to the service.</summary>
    public string AmqpUri => _infrastructure?.Vhost.AmqpUri ?? throw new InvalidOperationException("Identity not started.");

    public async ValueTask InitializeAsync()
    {
        var output = Path.Combine(
            TestSettings.Current.OutputDirectory, $"identity-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(output);
        _infrastructure = await TestInfrastructure.CreateAsync(["identity"]);
        Database = new IdentityDatabase(_infrastructure.Database);

        var port = FreePort();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__identitydb"] = _infrastructure.Database.ConnectionStringFor("identity"),
            ["ConnectionStrings__messaging"] = _infrastructure.Vhost.AmqpUri,
            ["services__identity__http__0"] = $"http://127.0.0.1:{port}",
            ["TradeNova__Jwt__Issuer"] = "tradenova-identity",
            ["TradeNova__Jwt__Audience"] = "tradenova",
            ["OTEL_SERVICE_NAME"] = "identity",
            ["Logging__LogLevel__Default"] = "Information",
        };
        var dll = Path.Combine(
            TestSettings.RepositoryRoot, "services", "Identity", "bin", PlatformFixture.Configuration, "net10.0", "TradeNova.Identity.dll");
        _process = new ServiceProcess("identity", dll, port, environment, Path.Combine(output, "identity.log"));

        try
        {
            _process.Start();
            await _process.WaitHealthyAsync(StartupTimeout);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = Process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        var infrastructure = _infrastructure;
        _infrastructure = null;
        if (infrastructure is not null)
        {
            await infrastructure.DisposeAsync();
        }
    }

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
