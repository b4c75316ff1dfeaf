using System.Net;
using TradeNova.Contracts.Billing;
using TradeNova.IntegrationTests.Identity;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Execution;

[Collection(ExecutionCollection.Name)]
public sealed class SubscriptionDeactivationTests(ExecutionFixture fixture)
{
    [Fact]
    public async Task Deactivated_subscription_cancels_open_orders_and_refuses_new_ones()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var identity = fixture.CreateIdentityClient();
        using var execution = fixture.CreateExecutionClient();
        var account = await identity.NewAccountAsync("lapsing");
        var token = (await identity.LoginAsync(account)).AccessToken;
        var first = await execution.PlaceOkAsync(token, new { symbol = "VZ", side = "buy", type = "limit", timeInForce = "gtc", quantity = 1, limitPrice = 1m });
        var second = await execution.PlaceOkAsync(token, new { symbol = "VZ", side = "sell", type = "limit", timeInForce = "day", quantity = 1, limitPrice = 9_999m });

        var deactivated = new SubscriptionDeactivated(account.UserId, "pro", "canceled", "cancelled by the user", DateTimeOffset.UtcNow);
        await bus.PublishAsync(deactivated);
        await bus.PublishAsync(deactivated); // a second copy (new message id) finds nothing left to cancel

        foreach (var order in new[] { first, second })
        {
            var canceled = (await execution.WaitForStatusAsync(token, order.Id(), "canceled")).GetProperty("order");
            canceled.GetProperty("reason").GetString().ShouldBe("Subscription canceled: open orders canceled.");
        }

        var lapsedToken = await Poll.UntilAsync(
            async () => (await identity.LoginAsync(account)).AccessToken,
            t => SignedJwt.Parse(t).Claim("sub_status") == "canceled",
            ExecutionApiCalls.EventualConsistency,
            "sub_status canceled");
        using var refused = await execution.PlaceAsync(lapsedToken, new { symbol = "VZ", side = "buy", type = "market", quantity = 1 }, Guid.NewGuid().ToString());
        var problem = await ExecutionApiCalls.ReadAsync(refused, HttpStatusCode.Forbidden, "lapsed order");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/subscription-required");
        using var list = await execution.SendAsync(HttpMethod.Get, "/api/v1/orders", lapsedToken);
        list.StatusCode.ShouldBe(HttpStatusCode.OK, "reading one's own orders needs no subscription");
    }
}
