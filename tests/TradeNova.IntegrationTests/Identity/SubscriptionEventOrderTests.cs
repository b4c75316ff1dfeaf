using System.Net;
using Npgsql;
using TradeNova.Contracts.Billing;
using TradeNova.IntegrationTests.Infrastructure;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>
/// Billing's subscription events reach Identity in any order; one older than the last applied (by Billing's
/// version, then its time) must not overwrite the newer entitlement.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class SubscriptionEventOrderTests(IdentityFixture identity)
{
    private static readonly TimeSpan EventualConsistency = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Older_activation_arriving_after_a_newer_deactivation_is_ignored()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("order-version");
        var token = (await client.LoginAsync(account)).AccessToken;
        await using var billing = await BillingPublisher.StartAsync(identity.AmqpUri);
        var now = DateTimeOffset.UtcNow;

        await billing.PublishAsync(new SubscriptionDeactivated(account.UserId, "standard", "expired", "the free trial ended", now, Version: 3));
        await WaitForStatusAsync(client, token, "expired");
        var stale = Guid.NewGuid();
        await billing.PublishAsync(new SubscriptionActivated(account.UserId, "standard", "active", now.AddDays(30), now.AddMinutes(-5), Version: 2), stale);
        await WaitUntilConsumedAsync(stale);

        (await StatusAsync(client, token)).ShouldBe("expired");
        await billing.PublishAsync(new SubscriptionActivated(account.UserId, "standard", "active", now.AddDays(30), now.AddMinutes(1), Version: 4));
        await WaitForStatusAsync(client, token, "active");
    }

    [Fact]
    public async Task Without_versions_the_older_timestamp_loses()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("order-time");
        var token = (await client.LoginAsync(account)).AccessToken;
        await using var billing = await BillingPublisher.StartAsync(identity.AmqpUri);
        var now = DateTimeOffset.UtcNow;

        await billing.PublishAsync(new SubscriptionActivated(account.UserId, "pro", "active", now.AddDays(30), now.AddMinutes(2)));
        await WaitForStatusAsync(client, token, "active");
        var stale = Guid.NewGuid();
        await billing.PublishAsync(new SubscriptionDeactivated(account.UserId, "pro", "canceled", "older cancellation", now), stale);
        await WaitUntilConsumedAsync(stale);

        (await StatusAsync(client, token)).ShouldBe("active");
    }

    private async Task WaitUntilConsumedAsync(Guid messageId)
    {
        await using var connection = await identity.Database.OpenAsAdminAsync();
        await Poll.UntilAsync(
            async () =>
            {
                await using var command = new NpgsqlCommand("SELECT count(*) FROM identity.inbox_messages WHERE message_id = @id", connection);
                command.Parameters.AddWithValue("id", messageId);
                return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 1;
            },
            EventualConsistency,
            $"message {messageId} consumed");
    }

    private static async Task<string?> StatusAsync(HttpClient client, string token)
    {
        using var response = await client.GetMeAsync(token);
        return (await ReadAsync(response, HttpStatusCode.OK, "me")).GetProperty("subStatus").GetString();
    }

    private static Task WaitForStatusAsync(HttpClient client, string token, string status) =>
        Poll.UntilAsync(async () => await StatusAsync(client, token) == status, EventualConsistency, $"subStatus {status}");
}
