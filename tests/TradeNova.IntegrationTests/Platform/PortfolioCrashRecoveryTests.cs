using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace TradeNova.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public class PortfolioCrashRecoveryTests(PlatformFixture platform)
{
    [Fact]
    public async Task User_registered_while_Portfolio_is_down_gets_exactly_one_portfolio_after_restart()
    {
        using var gateway = platform.CreateGatewayClient();
        // The pipeline works before the crash (and Portfolio's queue exists to hold what comes next).
        var before = await gateway.NewUserAsync();
        await gateway.WaitForPortfolioAsync(before);

        await platform.KillAsync("portfolio");
        PlatformUser registeredWhileDown;
        try
        {
            registeredWhileDown = await gateway.NewUserAsync();
            using var whileDown = await gateway.GetAsync("/api/v1/portfolio", registeredWhileDown.AccessToken);
            whileDown.IsSuccessStatusCode.ShouldBeFalse("Portfolio is down; nobody can have served this");
        }
        finally
        {
            await platform.RestartAsync("portfolio");
        }

        var portfolio = await gateway.WaitForPortfolioAsync(registeredWhileDown);
        portfolio.Cash.ShouldBe(10_000m);

        using var again = await gateway.GetAsync("/api/v1/portfolio", registeredWhileDown.AccessToken);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<PortfolioView>(TestContext.Current.CancellationToken))!.PortfolioId.ShouldBe(portfolio.PortfolioId);
        (await PortfolioRowsAsync(registeredWhileDown.UserId)).ShouldBe(1);
        (await PortfolioRowsAsync(before.UserId)).ShouldBe(1);
    }

    private async Task<long> PortfolioRowsAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(platform.Infrastructure.Database.ConnectionStringFor("portfolio"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM portfolio.portfolios WHERE user_id = @userId", connection);
        count.Parameters.AddWithValue("userId", userId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
