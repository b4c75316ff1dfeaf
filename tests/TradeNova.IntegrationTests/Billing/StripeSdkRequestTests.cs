using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.Tests.Billing;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>
/// What the official Stripe SDK in the Billing process really sends, caught by a Stripe-shaped server on loopback:
/// exact form fields, the secret key, Stripe's API version, and an idempotency key on every POST.
/// </summary>
[Collection(BillingCollection.Name)]
public sealed class StripeSdkRequestTests(BillingFixture billing)
{
    [Fact]
    public async Task Subscribe_creates_a_checkout_session_with_exact_fields_and_the_clients_idempotency_key()
    {
        var (account, token) = await billing.NewSubscriberAsync("checkout");
        using var client = billing.CreateBillingClient();

        using var response = await client.PostAsync("/api/v1/billing/subscription/checkout", token, idempotencyKey: "click-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("url").GetString().ShouldStartWith("https://checkout.stripe.com/c/pay/cs_test_");
        var sent = billing.Stripe.RequestsTo("POST", "/v1/checkout/sessions")
            .Single(r => r.Form.GetValueOrDefault("client_reference_id") == account.UserId.ToString());
        sent.Headers["Authorization"].ShouldBe($"Bearer {BillingFixture.SecretKey}");
        sent.Headers["Idempotency-Key"].ShouldBe($"tradenova-checkout-{account.UserId:N}-click-1");
        sent.Headers["Stripe-Version"].ShouldBe(StripeEvents.ApiVersion);
        sent.Headers["Content-Type"].ShouldStartWith("application/x-www-form-urlencoded");
        sent.Form.ShouldBe(new Dictionary<string, string>
        {
            ["cancel_url"] = $"{BillingFixture.AppBaseUrl}/billing?checkout=canceled",
            ["client_reference_id"] = account.UserId.ToString(),
            ["customer_email"] = account.Email,
            ["line_items[0][price]"] = BillingFixture.PriceId,
            ["line_items[0][quantity]"] = "1",
            ["metadata[user_id]"] = account.UserId.ToString(),
            ["mode"] = "subscription",
            ["subscription_data[metadata][user_id]"] = account.UserId.ToString(),
            ["success_url"] = $"{BillingFixture.AppBaseUrl}/billing?checkout=success&session_id={{CHECKOUT_SESSION_ID}}",
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task Completed_checkout_reads_the_subscription_then_portal_and_cancel_post_with_idempotency_keys()
    {
        var (account, token) = await billing.NewSubscriberAsync("portal");
        var stripe = new StripeEvents(account.UserId, Guid.NewGuid().ToString("N")[..12]);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        billing.Stripe.Subscriptions[stripe.SubscriptionId] = stripe.SubscriptionObject("active", now, now + (30 * 86_400));
        using var client = billing.CreateBillingClient();
        var completed = stripe.CheckoutCompleted($"evt_{stripe.Suffix}_checkout", now);

        using (var webhook = await client.PostWebhookAsync(completed, await StripeSigner.SignAsync(completed, BillingFixture.WebhookSecret)))
        {
            webhook.StatusCode.ShouldBe(HttpStatusCode.OK, await webhook.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var read = billing.Stripe.RequestsTo("GET", $"/v1/subscriptions/{stripe.SubscriptionId}").ShouldHaveSingleItem();
        read.Headers["Authorization"].ShouldBe($"Bearer {BillingFixture.SecretKey}");
        read.Headers["Stripe-Version"].ShouldBe(StripeEvents.ApiVersion);
        read.Headers.ContainsKey("Idempotency-Key").ShouldBeFalse();
        read.Body.ShouldBeEmpty();
        read.Query.ShouldBeEmpty();
        var subscription = await client.WaitForSubscriptionAsync(token, s => s.GetProperty("status").GetString() == "active");
        subscription.GetProperty("provider").GetString().ShouldBe("stripe");

        using (var portal = await client.PostAsync("/api/v1/billing/subscription/portal", token, idempotencyKey: "manage-1"))
        {
            portal.StatusCode.ShouldBe(HttpStatusCode.OK, await portal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            (await portal.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("url").GetString()
                .ShouldBe("https://billing.stripe.com/p/session/test_portal");
        }

        var portalRequest = billing.Stripe.RequestsTo("POST", "/v1/billing_portal/sessions")
            .Single(r => r.Form.GetValueOrDefault("customer") == stripe.CustomerId);
        portalRequest.Headers["Idempotency-Key"].ShouldBe($"tradenova-portal-{account.UserId:N}-manage-1");
        portalRequest.Headers["Authorization"].ShouldBe($"Bearer {BillingFixture.SecretKey}");
        portalRequest.Form.ShouldBe(new Dictionary<string, string>
        {
            ["customer"] = stripe.CustomerId,
            ["return_url"] = $"{BillingFixture.AppBaseUrl}/billing",
        }, ignoreOrder: true);

        using (var cancel = await client.PostAsync("/api/v1/billing/subscription/cancel", token, idempotencyKey: "cancel-1"))
        {
            cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var cancelRequest = billing.Stripe.RequestsTo("POST", $"/v1/subscriptions/{stripe.SubscriptionId}").ShouldHaveSingleItem();
        cancelRequest.Headers["Idempotency-Key"].ShouldBe($"tradenova-cancel-{account.UserId:N}-cancel-1");
        cancelRequest.Form.ShouldBe(new Dictionary<string, string> { ["cancel_at_period_end"] = "true" }, ignoreOrder: true);
    }
}
