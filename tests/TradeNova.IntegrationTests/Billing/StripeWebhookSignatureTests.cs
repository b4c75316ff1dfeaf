using System.Net;
using System.Text.Json;
using TradeNova.Tests.Billing;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>
/// The webhook believes only Stripe: a header made by Stripe's own npm package is accepted; a tampered body, a
/// wrong secret, a stale timestamp or no header is a 400 that stores nothing at all.
/// </summary>
[Collection(BillingCollection.Name)]
public sealed class StripeWebhookSignatureTests(BillingFixture billing)
{
    public static TheoryData<string> Forgeries() => new() { "tampered body", "wrong secret", "stale timestamp", "missing header" };

    [Fact]
    public async Task Event_signed_by_stripes_own_tooling_is_accepted_and_applied_once()
    {
        var (account, token) = await billing.NewSubscriberAsync("signed");
        var stripe = new StripeEvents(account.UserId, Guid.NewGuid().ToString("N")[..12]);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var eventId = $"evt_{stripe.Suffix}_created";
        var json = stripe.Subscription(eventId, "customer.subscription.created", now, "active", now, now + (30 * 86_400));
        var signature = await StripeSigner.SignAsync(json, BillingFixture.WebhookSecret);
        using var client = billing.CreateBillingClient();

        using (var first = await client.PostWebhookAsync(json, signature))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using (var again = await client.PostWebhookAsync(json, signature))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await billing.Database.CountStripeEventsAsync(eventId)).ShouldBe(1);
        var subscription = await client.WaitForSubscriptionAsync(token, s => s.GetProperty("status").GetString() == "active");
        subscription.GetProperty("currentPeriodEnd").GetDateTimeOffset().ShouldBe(DateTimeOffset.FromUnixTimeSeconds(now + (30 * 86_400)));
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_webhook_is_rejected_with_400_and_persists_nothing(string forgery)
    {
        var userId = Guid.NewGuid();
        var stripe = new StripeEvents(userId, Guid.NewGuid().ToString("N")[..12]);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var eventId = $"evt_{stripe.Suffix}_forged";
        var json = stripe.Subscription(eventId, "customer.subscription.created", now, "active", now, now + (30 * 86_400));
        var (body, signature) = forgery switch
        {
            "tampered body" => (json.Replace("\"active\"", "\"trialing\"", StringComparison.Ordinal), await StripeSigner.SignAsync(json, BillingFixture.WebhookSecret)),
            "wrong secret" => (json, await StripeSigner.SignAsync(json, "whsec_someone_else")),
            "stale timestamp" => (json, await StripeSigner.SignAsync(json, BillingFixture.WebhookSecret, now - 301)),
            _ => (json, (string?)null),
        };
        using var client = billing.CreateBillingClient();

        using var response = await client.PostWebhookAsync(body, signature);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/invalid-webhook-signature");
        (await billing.Database.CountStripeEventsAsync(eventId)).ShouldBe(0);
        (await billing.Database.CountRowsForCustomerAsync(stripe.CustomerId)).ShouldBe(0);
        (await billing.Database.CountAsync("SELECT count(*) FROM billing.subscriptions WHERE user_id = @u", ("u", userId))).ShouldBe(0);
        (await billing.Database.CountOutboxRowsForUserAsync(userId)).ShouldBe(0);
    }
}
