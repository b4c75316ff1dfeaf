using System.Net;

namespace TradeNova.UnitTests.Gateway;

public sealed class GatewaySpaTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/portfolio")]
    [InlineData("/backtests/7/report")]
    public async Task Client_side_routes_get_index_html_without_caching(string path)
    {
        using var response = await fixture.Gateway.Client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        response.Headers.CacheControl?.NoCache.ShouldBeTrue();
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("<div id=root>");
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year()
    {
        using var response = await fixture.Gateway.Client.GetAsync("/assets/index-3f9a1c.js", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl?.ToString().ShouldBe("public, max-age=31536000, immutable");
    }

    [Fact]
    public async Task Missing_asset_is_404_not_index_html()
    {
        using var response = await fixture.Gateway.Client.GetAsync("/assets/gone-123.js", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Responses_carry_security_headers_with_a_csp_allowing_websockets_to_self()
    {
        using var response = await fixture.Gateway.Client.GetAsync("/", Ct);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain($"ws://{fixture.Gateway.BaseAddress.Authority}");
        csp.ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task Alive_answers_without_a_token()
    {
        using var response = await fixture.Gateway.Client.GetAsync("/alive", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_is_healthy_when_identity_publishes_its_keys()
    {
        using var response = await fixture.Gateway.Client.GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }
}
