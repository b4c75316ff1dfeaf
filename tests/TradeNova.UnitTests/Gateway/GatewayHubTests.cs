using System.Net.WebSockets;
using System.Text;
using TradeNova.Gateway.Routing;

namespace TradeNova.UnitTests.Gateway;

public sealed class GatewayHubTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Account_hub_websocket_with_access_token_query_is_proxied_to_portfolio()
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(fixture.Gateway.BaseAddress) { Scheme = "ws", Path = "/hubs/account", Query = $"access_token={fixture.Key.CreateToken()}" }.Uri;

        await socket.ConnectAsync(uri, ct);
        await socket.SendAsync("ping"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, ct);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, ct);

        Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldBe($"{GatewayServiceNames.Portfolio}:ping");
    }

    [Fact]
    public async Task Account_hub_websocket_without_a_token_is_refused()
    {
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(fixture.Gateway.BaseAddress) { Scheme = "ws", Path = "/hubs/account" }.Uri;

        await Should.ThrowAsync<WebSocketException>(() => socket.ConnectAsync(uri, TestContext.Current.CancellationToken));
    }
}
