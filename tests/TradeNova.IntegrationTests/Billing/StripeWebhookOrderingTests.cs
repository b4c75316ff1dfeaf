using System.Net;
using System.Text.Json;
using TradeNova.Tests.Billing;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>
/// Through the real endpoint and database: orderings of a seven-event renewal story, every event delivered twice,
/// end in the same subscription and billing history as the in-order delivery.
/// </summary>
[Collection(BillingCollection.Name)]
public sealed class StripeWebhookOrderingTests(BillingFixture billing)
{
    public static TheoryData<int[]> Orders() => new()
    {
        new[] { 0, 1, 2, 3, 4, 5, 6 },
        new[] { 6, 5, 4, 3, 2, 1, 0 },
        new[] { 4, 6, 0, 3, 1, 5, 2 },
        new[] { 2, 3, 5, 6, 1, 4, 0 },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Reordered_and_duplicated_deliveries_end_active_with_the_same_history(int[] order)
    {
        var (account, token) = await billing.NewSubscriberAsync("ordering");
        var stripe = new StripeEvents(account.UserId, Guid.NewGuid().ToString("N")[..12]);
        var events = StripeScenarios.RenewalRecovered(stripe);
        billing.Stripe.Subscriptions[stripe.SubscriptionId] = stripe.SubscriptionObject("active", StripeScenarios.Start, StripeScenarios.FirstPeriodEnd);
        var deliveries = order.Concat(order.Skip(1)).Append(order[0]).Select(i => events[i].Json).ToList();
        var signatures = await StripeSigner.SignAsync(deliveries, BillingFixture.WebhookSecret);
        using var client = billing.CreateBillingClient();

        for (var i = 0; i < deliveries.Count; i++)
        {
            using var response = await client.PostWebhookAsync(deliveries[i], signatures[i]);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var subscription = await client.GetJsonAsync("/api/v1/billing/subscription", token);
        subscription.GetProperty("status").GetString().ShouldBe("active");
        subscription.GetProperty("provider").GetString().ShouldBe("stripe");
        subscription.GetProperty("paymentFailed").GetBoolean().ShouldBeFalse();
        subscription.GetProperty("currentPeriodEnd").GetDateTimeOffset().ShouldBe(DateTimeOffset.FromUnixTimeSeconds(StripeScenarios.SecondPeriodEnd));
        var history = await client.GetJsonAsync("/api/v1/billing/history", token);
        var invoices = history.GetProperty("invoices").EnumerateArray()
            .Select(i => $"{i.GetProperty("id").GetString()} {i.GetProperty("status").GetString()} {i.GetProperty("amountPaid").GetDecimal():0.##} {i.GetProperty("hostedInvoiceUrl").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        invoices.ShouldBe([
            $"in_{stripe.Suffix}_1 paid 100 https://invoice.stripe.com/i/acct_test/in_{stripe.Suffix}_1",
            $"in_{stripe.Suffix}_2 paid 100 https://invoice.stripe.com/i/acct_test/in_{stripe.Suffix}_2",
        ]);
        var payments = history.GetProperty("payments").EnumerateArray()
            .Select(p => $"{p.GetProperty("id").GetString()} {p.GetProperty("status").GetString()} {p.GetProperty("amount").GetDecimal():0.##}")
            .Order(StringComparer.Ordinal).ToList();
        payments.ShouldBe([
            $"evt_{stripe.Suffix}_3 succeeded 100",
            $"evt_{stripe.Suffix}_4 failed 100",
            $"evt_{stripe.Suffix}_6 succeeded 100",
        ]);
        (await billing.Database.CountAsync("SELECT count(*) FROM billing.stripe_events WHERE event_id LIKE @p", ("p", $"evt_{stripe.Suffix}_%"))).ShouldBe(7);
    }
}
