using System.Net;
using System.Net.Sockets;
using TradeNova.IntegrationTests.Identity;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>
/// Identity issuing access tokens that live <see cref="TokenLifetime"/>, and Portfolio (the account hub) trusting it:
/// real processes on free loopback ports with their own database and vhost. For what must happen when a token expires.
/// </summary>
public sealed class ShortLivedTokenFixture : IAsyncLifetime
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);

    private TestInfrastructure? _infrastructure;
    private readonly List<ServiceProcess> _processes = [];

    public ServiceProcess Identity => _processes[0];

    public ServiceProcess Portfolio => _processes[1];

    public async ValueTask InitializeAsync()
    {
        var output = Path.Combine(TestSettings.Current.OutputDirectory, $"short-tokens-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(output);
        _infrastructure = await TestInfrastructure.CreateAsync(["identity", "portfolio"]);
        var ports = FreePorts(2);
        var identityUrl = $"http://127.0.0.1:{ports[0]}";
        foreach (var (service, port) in new[] { ("identity", ports[0]), ("portfolio", ports[1]) })
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                [$"ConnectionStrings__{service}db"] = _infrastructure.Database.ConnectionStringFor(service),
                ["ConnectionStrings__messaging"] = _infrastructure.Vhost.AmqpUri,
                ["services__identity__http__0"] = identityUrl,
                ["TradeNova__Jwt__Issuer"] = "tradenova-identity",
                ["TradeNova__Jwt__Audience"] = "tradenova",
                ["TradeNova__Identity__Tokens__AccessTokenLifetime"] = TokenLifetime.ToString("c"),
                ["OTEL_SERVICE_NAME"] = service,
            };
            var project = char.ToUpperInvariant(service[0]) + service[1..];
            var dll = Path.Combine(TestSettings.RepositoryRoot, "services", project, "bin", PlatformFixture.Configuration, "net10.0", $"TradeNova.{project}.dll");
            _processes.Add(new ServiceProcess(service, dll, port, environment, Path.Combine(output, $"{service}.log")));
        }

        try
        {
            // Identity first: Portfolio caches a failed JWKS fetch for a while, which would refuse the first tokens.
            Identity.Start();
            await Identity.WaitHealthyAsync(StartupTimeout);
            Portfolio.Start();
            await Portfolio.WaitHealthyAsync(StartupTimeout);
            await WarmUpAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh token for a new account.</summary>
    public async Task<string> NewAccessTokenAsync()
    {
        using var identity = new HttpClient { BaseAddress = Identity.BaseAddress };
        var account = await identity.NewAccountAsync("hub-expiry");
        return (await identity.LoginAsync(account)).AccessToken;
    }

    /// <summary>Until Portfolio accepts Identity's tokens (it has fetched the JWKS).</summary>
    private async Task WarmUpAsync()
    {
        using var portfolio = new HttpClient { BaseAddress = Portfolio.BaseAddress };
        await Poll.UntilAsync(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/account/negotiate?negotiateVersion=1");
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await NewAccessTokenAsync());
                using var response = await portfolio.SendAsync(request);
                return response.IsSuccessStatusCode;
            },
            TimeSpan.FromSeconds(90),
            "Portfolio accepts Identity's tokens");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
        _processes.Clear();
        var infrastructure = _infrastructure;
        _infrastructure = null;
        if (infrastructure is not null)
            await infrastructure.DisposeAsync();
    }

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
