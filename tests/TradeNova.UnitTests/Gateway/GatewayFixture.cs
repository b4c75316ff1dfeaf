using TradeNova.Gateway.Routing;
using TradeNova.UnitTests.Auth;

namespace TradeNova.UnitTests.Gateway;

/// <summary>Six fake services (Identity publishing a real JWKS) behind a real gateway. Backtest is left unconfigured.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public static readonly string[] ConfiguredServices =
    [
        GatewayServiceNames.Identity, GatewayServiceNames.Billing, GatewayServiceNames.Portfolio,
        GatewayServiceNames.Execution, GatewayServiceNames.Risk,
    ];

    private readonly List<FakeService> _services = [];

    public TestSigningKey Key { get; } = new("gateway-test-key");

    public GatewayHost Gateway { get; private set; } = null!;

    public FakeService Service(string name) => _services.Single(s => s.Name == name);

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["TradeNova:RateLimits:PerIp:PermitLimit"] = "10000",
            ["TradeNova:RateLimits:PerUser:PermitLimit"] = "10000",
            ["TradeNova:RateLimits:Auth:PermitLimit"] = "10000",
        };
        foreach (var name in ConfiguredServices)
        {
            var jwks = name == GatewayServiceNames.Identity ? $"{{\"keys\":[{Key.JwkJson()}]}}" : null;
            var service = await FakeService.StartAsync(name, jwks);
            _services.Add(service);
            settings[GatewayServiceNames.ConfigurationKey(name)] = service.BaseAddress.ToString().TrimEnd('/');
        }

        Gateway = await GatewayHost.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var service in _services)
            await service.DisposeAsync();
        Key.Dispose();
    }
}
