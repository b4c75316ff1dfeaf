using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace TradeNova.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public class AccountHubTests(PlatformFixture platform)
{
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task Account_hub_completes_the_SignalR_handshake_over_a_websocket_through_the_gateway()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewUserAsync();

        // Negotiate as the SignalR client does: bearer header on the HTTP call.
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/account/negotiate?negotiateVersion=1");
        negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        using var negotiated = await gateway.SendAsync(negotiate, TestContext.Current.CancellationToken);
        negotiated.StatusCode.ShouldBe(HttpStatusCode.OK, await negotiated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var body = await negotiated.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("availableTransports").EnumerateArray()
            .Select(transport => transport.GetProperty("transport").GetString())
            .ShouldContain("WebSockets");
        var connectionToken = body.GetProperty("connectionToken").GetString()!;

        // Then the WebSocket, token in the access_token query (browsers cannot set headers on WebSockets).
        var uri = new UriBuilder(platform.GatewayAddress)
        {
            Scheme = "ws",
            Path = "/hubs/account",
            Query = $"id={Uri.EscapeDataString(connectionToken)}&access_token={Uri.EscapeDataString(user.AccessToken)}",
        }.Uri;
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(uri, timeout.Token);

        await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"protocol\":\"json\",\"version\":1}}{RecordSeparator}"),
            WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var handshake = await ReceiveRecordAsync(socket, timeout.Token);

        handshake.ShouldBe("{}", "an empty handshake response means the hub accepted the protocol");
        socket.State.ShouldBe(WebSocketState.Open);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }

    [Fact]
    public async Task Account_hub_refuses_negotiation_without_a_token()
    {
        using var gateway = platform.CreateGatewayClient();

        using var negotiated = await gateway.PostAsync("/hubs/account/negotiate?negotiateVersion=1", content: null, TestContext.Current.CancellationToken);

        negotiated.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<string> ReceiveRecordAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains(RecordSeparator))
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"hub closed the socket: {result.CloseStatus} {result.CloseStatusDescription}");
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }

        return received.ToString().Split(RecordSeparator)[0];
    }
}
