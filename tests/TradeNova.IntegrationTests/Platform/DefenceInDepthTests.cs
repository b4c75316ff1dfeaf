using System.Net;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>Services validate tokens themselves too: a caller that bypasses the gateway gains nothing.</summary>
[Collection(PlatformCollection.Name)]
public class DefenceInDepthTests(PlatformFixture platform)
{
    [Fact]
    public async Task Portfolio_called_directly_without_a_token_is_401()
    {
        using var portfolio = new HttpClient { BaseAddress = platform["portfolio"].BaseAddress };

        using var response = await portfolio.GetAsync("/api/v1/portfolio", accessToken: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Portfolio_called_directly_with_a_five_segment_token_is_401()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewUserAsync();
        using var portfolio = new HttpClient { BaseAddress = platform["portfolio"].BaseAddress };

        using var response = await portfolio.GetAsync("/api/v1/portfolio", $"{user.AccessToken}.e30.e30");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
