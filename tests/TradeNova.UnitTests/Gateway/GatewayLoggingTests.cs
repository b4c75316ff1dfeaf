using System.Net.WebSockets;
using TradeNova.Gateway.Routing;
using TradeNova.UnitTests.Auth;

namespace TradeNova.UnitTests.Gateway;

public sealed class GatewayLoggingTests
{
    [Fact]
    public async Task Access_token_in_a_hub_query_string_never_reaches_the_gateway_logs()
    {
        var ct = TestContext.Current.CancellationToken;
        using var key = new TestSigningKey("logging-key");
        await using var portfolio = await FakeService.StartAsync(GatewayServiceNames.Portfolio);
        await using var identity = await FakeService.StartAsync(GatewayServiceNames.Identity, $"{{\"keys\":[{key.JwkJson()}]}}");
        using var logs = new CapturingLoggerProvider();
        await using var gateway = await GatewayHost.StartAsync(
            new Dictionary<string, string?>
            {
                [GatewayServiceNames.ConfigurationKey(GatewayServiceNames.Identity)] = identity.BaseAddress.ToString(),
                [GatewayServiceNames.ConfigurationKey(GatewayServiceNames.Portfolio)] = portfolio.BaseAddress.ToString(),
            },
            logs);
        var token = key.CreateToken();

        using (var socket = new ClientWebSocket())
        {
            var uri = new UriBuilder(gateway.BaseAddress) { Scheme = "ws", Path = "/hubs/account", Query = $"access_token={token}" }.Uri;
            await socket.ConnectAsync(uri, ct);
            await socket.SendAsync("hi"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, ct);
            await socket.ReceiveAsync(new byte[64], ct);
        }

        (await gateway.Client.GetAsync($"/hubs/account/negotiate?access_token={token}", ct)).Dispose();

        logs.Lines.ShouldNotBeEmpty();
        logs.Lines.ShouldNotContain(line => line.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }
}
