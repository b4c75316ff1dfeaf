using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using TradeNova.IntegrationTests.Identity;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>Issue 10, item 8: the account hub speaks WebSockets only and drops a connection when its token expires.</summary>
public sealed class AccountHubTokenExpiryTests(ShortLivedTokenFixture platform) : IClassFixture<ShortLivedTokenFixture>
{
    private const char RecordSeparator = '\u001e';

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Negotiation_offers_websockets_only()
    {
        var token = await NewAccessTokenAsync();
        using var portfolio = new HttpClient { BaseAddress = platform.Portfolio.BaseAddress };

        var negotiated = await NegotiateAsync(portfolio, token);

        negotiated.GetProperty("availableTransports").EnumerateArray()
            .Select(transport => transport.GetProperty("transport").GetString())
            .ShouldBe(["WebSockets"]);
    }

    [Fact]
    public async Task A_long_polling_request_is_refused()
    {
        var token = await NewAccessTokenAsync();
        using var portfolio = new HttpClient { BaseAddress = platform.Portfolio.BaseAddress };
        var connectionToken = (await NegotiateAsync(portfolio, token)).GetProperty("connectionToken").GetString()!;

        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/hubs/account?id={Uri.EscapeDataString(connectionToken)}");
        poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await portfolio.SendAsync(poll, Ct);

        ((int)response.StatusCode).ShouldBeInRange(400, 499, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_connection_is_closed_when_its_token_expires()
    {
        var token = await NewAccessTokenAsync();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(SignedJwt.Parse(token).Payload.GetProperty("exp").GetInt64());
        using var portfolio = new HttpClient { BaseAddress = platform.Portfolio.BaseAddress };
        var connectionToken = (await NegotiateAsync(portfolio, token)).GetProperty("connectionToken").GetString()!;
        var uri = new UriBuilder(platform.Portfolio.BaseAddress)
        {
            Scheme = "ws",
            Path = "/hubs/account",
            Query = $"id={Uri.EscapeDataString(connectionToken)}&access_token={Uri.EscapeDataString(token)}",
        }.Uri;
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(ShortLivedTokenFixture.TokenLifetime + TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(uri, timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"protocol\":\"json\",\"version\":1}}{RecordSeparator}"), WebSocketMessageType.Text, true, timeout.Token);

        // Reads until the server ends the connection: a close frame, or the transport cut under the reader.
        var buffer = new byte[4096];
        var watch = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (WebSocketException)
        {
            // Aborted by the server: closed, as required.
        }

        timeout.IsCancellationRequested.ShouldBeFalse($"still open {watch.Elapsed} after connecting; the token expired at {expiresAt:O}");
        var closedAt = DateTimeOffset.UtcNow;
        closedAt.ShouldBeGreaterThan(expiresAt - TimeSpan.FromSeconds(1), "not before the token expires");
        closedAt.ShouldBeLessThan(expiresAt + TimeSpan.FromSeconds(10), "soon after the token expires");
    }

    private Task<string> NewAccessTokenAsync() => platform.NewAccessTokenAsync();

    private static async Task<JsonElement> NegotiateAsync(HttpClient portfolio, string token)
    {
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/account/negotiate?negotiateVersion=1");
        negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await portfolio.SendAsync(negotiate, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
