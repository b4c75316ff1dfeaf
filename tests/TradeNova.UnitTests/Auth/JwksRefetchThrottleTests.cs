using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Auth;

/// <summary>
/// A service as every service but Identity runs it (AddServiceDefaults, keys from http://identity's OpenID configuration,
/// resolved through services:identity:http:0), on Kestrel, against a loopback Identity that counts JWKS fetches.
/// </summary>
public sealed class JwksRefetchThrottleTests : IAsyncLifetime
{
    private readonly TestSigningKey _current = new("current");
    private FakeIdentityKeys _identity = null!;
    private WebApplication _service = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeIdentityKeys.StartAsync(_current);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:identity:http:0"] = _identity.BaseAddress.ToString().TrimEnd('/'),
        });
        builder.AddServiceDefaults();
        _service = builder.Build();
        _service.MapDefaultEndpoints();
        _service.MapGet("/me", (HttpContext context) => TypedResults.Ok(context.User.GetUserId())).RequireAuthorization();
        await _service.StartAsync(Ct);
        _client = new HttpClient { BaseAddress = new Uri(_service.Urls.First()) };
    }

    [Fact]
    public async Task Keys_are_found_through_identitys_openid_configuration()
    {
        (await SendAsync(_current.CreateToken())).ShouldBe(HttpStatusCode.OK);
        (await SendAsync(_current.CreateToken())).ShouldBe(HttpStatusCode.OK);

        _identity.JwksRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Flood_of_tokens_with_unknown_kids_fetches_the_jwks_at_most_once_more()
    {
        (await SendAsync(_current.CreateToken())).ShouldBe(HttpStatusCode.OK);

        // 200 forged tokens, each under a fresh random kid, from 8 concurrent callers.
        var forgers = Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < 25; i++)
            {
                using var forger = new TestSigningKey(Guid.NewGuid().ToString("N"));
                (await SendAsync(forger.CreateToken())).ShouldBe(HttpStatusCode.Unauthorized);
            }
        });
        await Task.WhenAll(forgers);
        // A refetch that was asked for runs in the background; give it time to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        // One initial fetch, and one refetch for the whole flood (the next is allowed 30 s later).
        _identity.JwksRequests.ShouldBeInRange(1, 2);
        (await SendAsync(_current.CreateToken())).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Key_rotated_in_at_identity_is_accepted_after_one_refetch()
    {
        using var next = new TestSigningKey("next");
        (await SendAsync(_current.CreateToken())).ShouldBe(HttpStatusCode.OK);
        _identity.KeysJson = [_current.JwkJson(), next.JwkJson()];

        // The first token under the new kid asks for a refetch; a following one is validated against the new keys.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        var status = await SendAsync(next.CreateToken());
        while (status != HttpStatusCode.OK && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            status = await SendAsync(next.CreateToken());
        }

        status.ShouldBe(HttpStatusCode.OK);
        _identity.JwksRequests.ShouldBe(2);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _service.StopAsync(CancellationToken.None);
        await _service.DisposeAsync();
        await _identity.DisposeAsync();
        _current.Dispose();
    }

    private async Task<HttpStatusCode> SendAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue(TradeNovaAuthDefaults.Scheme, token);
        using var response = await _client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
