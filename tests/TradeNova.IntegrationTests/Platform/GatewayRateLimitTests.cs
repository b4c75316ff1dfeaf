using System.Net;

namespace TradeNova.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public class GatewayRateLimitTests(PlatformFixture platform)
{
    private const int PerIpLimit = 5;

    [Fact]
    public async Task Anonymous_burst_beyond_the_per_ip_limit_gets_429_with_Retry_After()
    {
        // A gateway of its own with a tiny anonymous limit, so the shared gateway's budget stays untouched.
        var limited = await platform.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["TradeNova__RateLimits__PerIp__PermitLimit"] = PerIpLimit.ToString(),
            ["TradeNova__RateLimits__PerIp__WindowSeconds"] = "60",
        });
        using var gateway = new HttpClient { BaseAddress = limited.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // Bounded: at most three times the limit, sequential, loopback only.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < PerIpLimit * 3 && rejected is null; i++)
        {
            var response = await gateway.GetAsync("/api/v1/identity/.well-known/jwks.json", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected = response;
            }
            else
            {
                response.Dispose();
            }
        }

        rejected.ShouldNotBeNull($"no 429 after {statuses.Count} anonymous requests: {string.Join(", ", statuses)}");
        using (rejected)
        {
            statuses.Take(PerIpLimit).ShouldAllBe(status => status != HttpStatusCode.TooManyRequests);
            rejected.Headers.RetryAfter.ShouldNotBeNull("a 429 must say when to come back (Retry-After)");
        }
    }
}
