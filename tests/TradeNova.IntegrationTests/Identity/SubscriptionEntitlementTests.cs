using System.Net;
using System.Text.Json;
using TradeNova.Contracts.Billing;
using TradeNova.IntegrationTests.Infrastructure;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>Billing's events change the entitlement claims (<c>plan</c>, <c>sub_status</c>) of the user's next tokens.</summary>
[Collection(IdentityCollection.Name)]
public sealed class SubscriptionEntitlementTests(IdentityFixture identity)
{
    private static readonly TimeSpan EventualConsistency = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Subscription_activated_by_billing_shows_in_the_next_access_token()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("activated");
        var token = (await client.LoginAsync(account)).AccessToken;
        await using var billing = await BillingPublisher.StartAsync(identity.AmqpUri);
        var now = DateTimeOffset.UtcNow;

        await billing.PublishAsync(new SubscriptionActivated(account.UserId, "pro", "active", now.AddDays(30), now));

        await WaitForSubscriptionStatusAsync(client, token, "active");
        var next = SignedJwt.Parse((await client.LoginAsync(account)).AccessToken);
        next.Claim("plan").ShouldBe("pro");
        next.Claim("sub_status").ShouldBe("active");
    }

    [Fact]
    public async Task Subscription_deactivated_by_billing_shows_in_the_next_access_token()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("deactivated");
        var token = (await client.LoginAsync(account)).AccessToken;
        await using var billing = await BillingPublisher.StartAsync(identity.AmqpUri);
        var now = DateTimeOffset.UtcNow;
        await billing.PublishAsync(new SubscriptionActivated(account.UserId, "pro", "active", now.AddDays(30), now));
        await WaitForSubscriptionStatusAsync(client, token, "active");

        await billing.PublishAsync(new SubscriptionDeactivated(account.UserId, "pro", "canceled", "cancelled by the user", now.AddMinutes(1)));

        await WaitForSubscriptionStatusAsync(client, token, "canceled");
        var next = SignedJwt.Parse((await client.LoginAsync(account)).AccessToken);
        next.Claim("sub_status").ShouldBe("canceled");
    }

    private static Task<JsonElement> WaitForSubscriptionStatusAsync(HttpClient client, string accessToken, string status) =>
        Poll.UntilAsync(
            async () =>
            {
                using var response = await client.GetMeAsync(accessToken);
                return await ReadAsync(response, HttpStatusCode.OK, "me");
            },
            me => me.GetProperty("subStatus").GetString() == status,
            EventualConsistency,
            $"subStatus {status}");
}
