using System.Net;
using System.Net.Sockets;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>
/// The built Identity and Billing services as real processes on loopback, on a fresh database and vhost, with
/// Billing configured for Stripe against <see cref="FakeStripeServer"/> (its API base), so the official SDK's
/// real requests can be inspected and signed webhooks go through the real endpoint.
/// </summary>
public class BillingFixture : IAsyncLifetime
{
    public const string SecretKey = "sk_test_tradenova_fake_key";
    public const string WebhookSecret = "whsec_tradenova_test_endpoint_secret";
    public const string PriceId = "price_tradenova_monthly";
    public const string AppBaseUrl = "https://app.tradenova.test";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private TestInfrastructure? _infrastructure;
    private ServiceProcess? _identity;
    private ServiceProcess? _billing;

    public FakeStripeServer Stripe { get; private set; } = null!;

    public BillingDatabase Database { get; private set; } = null!;

    public ServiceProcess Identity => _identity ?? throw new InvalidOperationException("Not started.");

    public ServiceProcess Billing => _billing ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var output = Path.Combine(TestSettings.Current.OutputDirectory, $"billing-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(output);
        Stripe = await FakeStripeServer.StartAsync();
        _infrastructure = await TestInfrastructure.CreateAsync(["identity", "billing"]);
        Database = new BillingDatabase(_infrastructure.Database);
        var ports = FreePorts(2);
        var identityUrl = $"http://127.0.0.1:{ports[0]}";
        var common = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__messaging"] = _infrastructure.Vhost.AmqpUri,
            ["services__identity__http__0"] = identityUrl,
            ["TradeNova__Jwt__Issuer"] = "tradenova-identity",
            ["TradeNova__Jwt__Audience"] = "tradenova",
            ["Logging__LogLevel__Default"] = "Information",
        };
        _identity = Start("identity", "Identity", ports[0], output, new Dictionary<string, string>(common)
        {
            ["ConnectionStrings__identitydb"] = _infrastructure.Database.ConnectionStringFor("identity"),
            ["OTEL_SERVICE_NAME"] = "identity",
        });
        var billingEnvironment = new Dictionary<string, string>(common)
        {
            ["ConnectionStrings__billingdb"] = _infrastructure.Database.ConnectionStringFor("billing"),
            ["OTEL_SERVICE_NAME"] = "billing",
        };
        foreach (var (key, value) in BillingSettings())
        {
            billingEnvironment[key] = value;
        }

        _billing = Start("billing", "Billing", ports[1], output, billingEnvironment);

        try
        {
            _identity.Start();
            _billing.Start();
            await Task.WhenAll(_identity.WaitHealthyAsync(StartupTimeout), _billing.WaitHealthyAsync(StartupTimeout));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Billing's own settings: Stripe against the fake here; the local provider on a fast clock in <see cref="LocalBillingFixture"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string> BillingSettings() => new Dictionary<string, string>
    {
        ["TradeNova__Billing__Stripe__SecretKey"] = SecretKey,
        ["TradeNova__Billing__Stripe__WebhookSecret"] = WebhookSecret,
        ["TradeNova__Billing__Stripe__PriceId"] = PriceId,
        ["TradeNova__Billing__Stripe__ApiBase"] = Stripe.BaseAddress.ToString().TrimEnd('/'),
        ["TradeNova__Billing__AppBaseUrl"] = AppBaseUrl,
    };

    public HttpClient CreateIdentityClient() => new() { BaseAddress = Identity.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient CreateBillingClient() => new() { BaseAddress = Billing.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _billing, _identity })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        _billing = null;
        _identity = null;
        if (_infrastructure is { } infrastructure)
        {
            _infrastructure = null;
            await infrastructure.DisposeAsync();
        }

        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }
    }

    private static ServiceProcess Start(string name, string project, int port, string output, Dictionary<string, string> environment)
    {
        var dll = Path.Combine(
            TestSettings.RepositoryRoot, "services", project, "bin", PlatformFixture.Configuration, "net10.0", $"TradeNova.{project}.dll");
        return new ServiceProcess(name, dll, port, environment, Path.Combine(output, $"{name}.log"));
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
