using System.Net;
using System.Net.Http.Headers;
using TradeNova.Gateway.Routing;
using TradeNova.UnitTests.Auth;

namespace TradeNova.UnitTests.Gateway;

public sealed class GatewayAuthRateLimitTests : IAsyncLifetime
{
    private const int AuthLimit = 3;
    private readonly TestSigningKey _key = new("auth-limit-key");
    private FakeService _identity = null!;
    private GatewayHost _gateway = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeService.StartAsync(GatewayServiceNames.Identity, $"{{\"keys\":[{_key.JwkJson()}]}}");
        _gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            [GatewayServiceNames.ConfigurationKey(GatewayServiceNames.Identity)] = _identity.BaseAddress.ToString(),
            ["TradeNova:RateLimits:Auth:PermitLimit"] = AuthLimit.ToString(),
            ["TradeNova:RateLimits:Auth:WindowSeconds"] = "60",
            ["TradeNova:RateLimits:PerIp:PermitLimit"] = "1000",
            ["TradeNova:RateLimits:PerUser:PermitLimit"] = "1000",
        });
    }

    [Fact]
    public async Task A_valid_token_does_not_lift_login_out_of_the_tight_per_address_limit()
    {
        var token = _key.CreateToken(Guid.NewGuid());
        for (var i = 0; i < AuthLimit; i++)
            (await Post("/api/v1/identity/login", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var rejected = await Post("/api/v1/identity/login", token);

        rejected.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        rejected.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Register_login_and_refresh_share_one_budget_per_address_that_other_calls_do_not_spend()
    {
        (await Post("/api/v1/identity/register", token: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Post("/api/v1/identity/refresh", token: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Post("/api/v1/identity/login", _key.CreateToken(Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Post("/api/v1/identity/register", token: null)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using var jwks = await _gateway.Client.GetAsync("/api/v1/identity/.well-known/jwks.json", Ct);
        jwks.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> Post(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}") };
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
