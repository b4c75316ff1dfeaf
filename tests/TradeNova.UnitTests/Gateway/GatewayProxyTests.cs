using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using TradeNova.Gateway.Routing;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.UnitTests.Gateway;

public sealed class GatewayProxyTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/identity/register")]
    [InlineData("/api/v1/identity/login")]
    [InlineData("/api/v1/identity/refresh")]
    [InlineData("/api/v1/identity/logout")]
    [InlineData("/api/v1/identity/password/reset")]
    [InlineData("/api/v1/identity/.well-known/jwks.json")]
    public async Task Anonymous_identity_endpoints_are_forwarded_without_a_token(string path)
    {
        var echo = await SendAsync(HttpMethod.Post, path, token: null);

        echo.Service.ShouldBe(GatewayServiceNames.Identity);
        echo.Path.ShouldBe(path);
    }

    [Theory]
    [InlineData("/api/v1/identity/me", GatewayServiceNames.Identity)]
    [InlineData("/api/v1/portfolio", GatewayServiceNames.Portfolio)]
    [InlineData("/api/v1/portfolio/6f1c2a55-1b9e-4a41-9d7c-1d2a3b4c5d6e", GatewayServiceNames.Portfolio)]
    [InlineData("/api/v1/orders", GatewayServiceNames.Execution)]
    [InlineData("/api/v1/orders/42/cancel", GatewayServiceNames.Execution)]
    [InlineData("/api/v1/execution/broker-accounts", GatewayServiceNames.Execution)]
    [InlineData("/api/v1/billing/subscription", GatewayServiceNames.Billing)]
    [InlineData("/api/v1/risk/limits", GatewayServiceNames.Risk)]
    public async Task Authenticated_request_reaches_its_service_with_path_and_token_unchanged(string path, string service)
    {
        var token = fixture.Key.CreateToken();

        var echo = await SendAsync(HttpMethod.Get, $"{path}?page=2&size=5", token);

        echo.Service.ShouldBe(service);
        echo.Path.ShouldBe(path);
        echo.Query.ShouldBe("?page=2&size=5");
        echo.Headers["Authorization"].ShouldBe($"Bearer {token}");
    }

    [Theory]
    [InlineData("/api/v1/identity/me")]
    [InlineData("/api/v1/portfolio")]
    [InlineData("/api/v1/orders")]
    [InlineData("/hubs/account/negotiate")]
    public async Task Protected_route_without_a_valid_token_is_401_and_never_reaches_the_service(string path)
    {
        var before = fixture.Service(GatewayServiceNames.Portfolio).Requests + fixture.Service(GatewayServiceNames.Execution).Requests;

        using var missing = await fixture.Gateway.Client.PostAsync(path, null, Ct);
        using var forged = await SendRawAsync(HttpMethod.Post, path, fixture.Key.CreateToken(issuer: "evil"));

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        forged.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
        (await forged.Content.ReadFromJsonAsync<ProblemDetails>(Ct))?.Type.ShouldBe(ProblemTypes.InvalidToken);
        (fixture.Service(GatewayServiceNames.Portfolio).Requests + fixture.Service(GatewayServiceNames.Execution).Requests).ShouldBe(before);
    }

    [Fact]
    public async Task Client_supplied_identity_headers_are_stripped_and_forwarded_headers_set()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/portfolio");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Key.CreateToken());
        request.Headers.Add("X-User-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-User-Role", "admin");
        request.Headers.Add("X-Correlation-Id", "keep-me");
        request.Headers.Add("X-Forwarded-For", "198.51.100.66");
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        var echo = await ReadEchoAsync(await fixture.Gateway.Client.SendAsync(request, Ct));

        echo.Headers.Keys.ShouldNotContain(h => h.StartsWith("X-User", StringComparison.OrdinalIgnoreCase));
        echo.Headers["X-Correlation-Id"].ShouldBe("keep-me");
        echo.Headers["X-Forwarded-For"].ShouldBe("127.0.0.1");
        echo.Headers["X-Forwarded-Proto"].ShouldBe("http");
        echo.Headers["X-Forwarded-Host"].ShouldBe(fixture.Gateway.BaseAddress.Authority);
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/portfolio")]
    [InlineData("/api/v1/backtest/runs")]
    [InlineData("/hubs/unknown")]
    public async Task Unknown_or_unconfigured_api_path_is_a_404_problem_never_the_spa(string path)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, fixture.Key.CreateToken());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("<!doctype html>");
    }

    private async Task<EchoResponse> SendAsync(HttpMethod method, string path, string? token) =>
        await ReadEchoAsync(await SendRawAsync(method, path, token));

    private Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return fixture.Gateway.Client.SendAsync(request, Ct);
    }

    private static async Task<EchoResponse> ReadEchoAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            return (await response.Content.ReadFromJsonAsync<EchoResponse>(Ct))!;
        }
    }
}
