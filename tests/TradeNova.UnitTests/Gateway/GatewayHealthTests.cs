using System.Net;
using System.Net.Sockets;
using TradeNova.Gateway.Routing;

namespace TradeNova.UnitTests.Gateway;

public sealed class GatewayHealthTests
{
    [Fact]
    public async Task Health_is_unhealthy_when_identity_cannot_be_reached_but_alive_stays_ok()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            [GatewayServiceNames.ConfigurationKey(GatewayServiceNames.Identity)] = $"http://127.0.0.1:{ClosedPort()}",
        });

        using var health = await gateway.Client.GetAsync("/health", ct);
        using var alive = await gateway.Client.GetAsync("/alive", ct);

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
