using System.Net;
using System.Net.Http.Json;

namespace TradeNova.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public class PortfolioThroughGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task Registered_user_sees_a_10000_dollar_paper_portfolio_through_the_gateway()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewUserAsync();

        var portfolio = await gateway.WaitForPortfolioAsync(user);

        portfolio.UserId.ShouldBe(user.UserId);
        portfolio.Cash.ShouldBe(10_000m);
        portfolio.Equity.ShouldBe(10_000m);
        portfolio.Currency.ShouldBe("USD");
    }

    [Fact]
    public async Task Another_users_token_gets_404_for_the_first_users_portfolio()
    {
        using var gateway = platform.CreateGatewayClient();
        var owner = await gateway.NewUserAsync();
        var stranger = await gateway.NewUserAsync();
        var portfolio = await gateway.WaitForPortfolioAsync(owner);

        using var asOwner = await gateway.GetAsync($"/api/v1/portfolio/{portfolio.PortfolioId}", owner.AccessToken);
        using var asStranger = await gateway.GetAsync($"/api/v1/portfolio/{portfolio.PortfolioId}", stranger.AccessToken);

        asOwner.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asOwner.Content.ReadFromJsonAsync<PortfolioView>(TestContext.Current.CancellationToken))!.UserId.ShouldBe(owner.UserId);
        asStranger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asStranger.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain(owner.UserId.ToString());
    }
}
