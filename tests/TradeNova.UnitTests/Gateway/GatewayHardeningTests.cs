using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.Gateway.Security;
using TradeNova.Gateway.Timing;

namespace TradeNova.UnitTests.Gateway;

public sealed class GatewayHardeningTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "//api/v1/portfolio")]
    [InlineData("GET", "//api/v1/identity/me")]
    [InlineData("POST", "//api/v1/identity/login")]
    [InlineData("GET", "///api//v1/orders")]
    [InlineData("GET", "//hubs/account")]
    [InlineData("GET", "/api/v1/no-such-thing")]
    [InlineData("GET", "/api")]
    [InlineData("POST", "/api/v2/anything")]
    public async Task Unknown_or_doubled_slash_api_paths_are_404_problems_never_the_spa(string method, string path)
    {
        // Absolute, so HttpClient does not read "//api" as a host name.
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(fixture.Gateway.BaseAddress.GetLeftPart(UriPartial.Authority) + path));
        using var response = await fixture.Gateway.Client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/not-found");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/identity/login")]
    [InlineData("/api/v1/nothing")]
    public async Task Every_response_has_a_permissions_policy_denying_powerful_features(string path)
    {
        using var response = await fixture.Gateway.Client.GetAsync(path, Ct);

        var policy = response.Headers.GetValues("Permissions-Policy").Single();
        policy.ShouldBe(SecurityHeaders.PermissionsPolicy);
        policy.ShouldContain("camera=()");
        policy.ShouldContain("geolocation=()");
        policy.ShouldContain("payment=()");
    }

    [Fact]
    public async Task Api_responses_carry_the_gateways_arrival_time_and_other_responses_do_not()
    {
        var before = DateTimeOffset.UtcNow;
        using var api = await fixture.Gateway.Client.GetAsync("/api/v1/nothing", Ct);
        var after = DateTimeOffset.UtcNow;
        using var spa = await fixture.Gateway.Client.GetAsync("/", Ct);

        var stamp = api.Headers.GetValues(ArrivalTime.HeaderName).Single();
        stamp.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$");
        DateTimeOffset.Parse(stamp, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(before.AddMilliseconds(-1), after);
        spa.Headers.Contains(ArrivalTime.HeaderName).ShouldBeFalse();
    }
}
