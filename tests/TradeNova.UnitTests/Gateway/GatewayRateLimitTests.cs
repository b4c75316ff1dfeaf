using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using TradeNova.Gateway.RateLimiting;
using TradeNova.Gateway.Routing;
using TradeNova.UnitTests.Auth;

namespace TradeNova.UnitTests.Gateway;

public sealed class GatewayRateLimitTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("rate-limit-key");
    private FakeService _identity = null!;
    private GatewayHost _gateway = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeService.StartAsync(GatewayServiceNames.Identity, $"{{\"keys\":[{_key.JwkJson()}]}}");
        _gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            [GatewayServiceNames.ConfigurationKey(GatewayServiceNames.Identity)] = _identity.BaseAddress.ToString(),
            ["TradeNova:RateLimits:PerIp:PermitLimit"] = "3",
            ["TradeNova:RateLimits:PerIp:WindowSeconds"] = "60",
            ["TradeNova:RateLimits:PerUser:PermitLimit"] = "5",
        });
    }

    [Fact]
    public async Task Anonymous_caller_over_the_ip_limit_gets_429_problem_with_retry_after()
    {
        for (var i = 0; i < 3; i++)
            (await Send("/api/v1/identity/.well-known/jwks.json", token: null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var rejected = await Send("/api/v1/identity/.well-known/jwks.json", token: null);

        rejected.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        retryAfter.ShouldNotBeNull();
        retryAfter.Value.TotalSeconds.ShouldBeInRange(1, 60);
        rejected.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await rejected.Content.ReadFromJsonAsync<ProblemDetails>(Ct))?.Type.ShouldBe(RateLimitRejection.ProblemType);
    }

    [Fact]
    public async Task Each_user_has_an_own_budget_separate_from_the_ip()
    {
        for (var i = 0; i < 3; i++)
            await Send("/api/v1/identity/.well-known/jwks.json", token: null);
        (await Send("/api/v1/identity/.well-known/jwks.json", token: null)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        var alice = _key.CreateToken(Guid.NewGuid());
        var bob = _key.CreateToken(Guid.NewGuid());
        for (var i = 0; i < 5; i++)
            (await Send("/api/v1/identity/me", alice)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Send("/api/v1/identity/me", alice)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Send("/api/v1/identity/me", bob)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forged_forwarded_for_header_does_not_give_an_anonymous_caller_a_fresh_budget()
    {
        for (var i = 0; i < 3; i++)
            await Send("/api/v1/identity/.well-known/jwks.json", token: null, forwardedFor: $"198.51.100.{i + 1}");

        using var rejected = await Send("/api/v1/identity/.well-known/jwks.json", token: null, forwardedFor: "198.51.100.200");

        rejected.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Spa_files_and_health_are_not_limited()
    {
        for (var i = 0; i < 10; i++)
        {
            (await Send("/", token: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Send("/assets/index-3f9a1c.js", token: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Send("/alive", token: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private Task<HttpResponseMessage> Send(string path, string? token, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _gateway.Client.SendAsync(request, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _identity.DisposeAsync();
        _key.Dispose();
    }
}
