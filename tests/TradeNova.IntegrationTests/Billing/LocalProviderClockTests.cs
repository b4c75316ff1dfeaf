using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.IntegrationTests.Identity;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>
/// The local provider acts on its own clock (a BackgroundService on TimeProvider): trials expire, periods renew and
/// are billed, a failed renewal is past_due for the grace period and then expires, a canceled subscription ends at
/// the period end; Identity follows every change.
/// </summary>
[Collection(LocalBillingCollection.Name)]
public sealed class LocalProviderClockTests(LocalBillingFixture billing)
{
    private static readonly TimeSpan ClockTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Trial_expires_on_its_own_then_a_subscription_renews_fails_and_lapses_after_the_grace_period()
    {
        // On a loaded machine the 15 s trial may be over before the first look; it started all the same.
        var (account, token) = await billing.NewSubscriberAsync("local-clock", status: null);
        using var client = billing.CreateBillingClient();
        var started = await client.GetJsonAsync("/api/v1/billing/subscription", token);
        started.GetProperty("trialEndsAt").ValueKind.ShouldBe(JsonValueKind.String);

        await WaitForStatusAsync(client, token, "expired");
        await WaitForIdentityStatusAsync(account, "expired");

        using (var checkout = await client.PostAsync("/api/v1/billing/subscription/checkout", token))
        {
            var body = await IdentityApiCalls.ReadAsync(checkout, HttpStatusCode.OK, "checkout");
            body.GetProperty("url").ValueKind.ShouldBe(JsonValueKind.Null);
            body.GetProperty("subscription").GetProperty("status").GetString().ShouldBe("active");
        }

        await WaitForIdentityStatusAsync(account, "active");
        var renewed = await Poll.UntilAsync(
            () => client.GetJsonAsync("/api/v1/billing/history", token),
            history => history.GetProperty("invoices").GetArrayLength() >= 3,
            ClockTimeout,
            "two renewals billed by the clock");
        renewed.GetProperty("payments").EnumerateArray().ShouldAllBe(p => p.GetProperty("status").GetString() == "succeeded");

        var admin = await NewAdminTokenAsync();
        // The clock may be renewing this very row; the hook then answers 409 and is simply asked again.
        var failed = await Poll.UntilAsync<JsonElement?>(
            async () =>
            {
                using var fail = await client.PostAsync(
                    $"/api/v1/billing/admin/subscriptions/{account.UserId}/simulate/payment-failure", admin, body: new { reason = "clock test" });
                return fail.StatusCode == HttpStatusCode.Conflict ? (JsonElement?)null : await IdentityApiCalls.ReadAsync(fail, HttpStatusCode.OK, "payment failure");
            },
            body => body is not null,
            ClockTimeout,
            "payment failure simulated");
        failed!.Value.GetProperty("status").GetString().ShouldBe("past_due");

        var pastDue = await client.GetJsonAsync("/api/v1/billing/subscription", token);
        pastDue.GetProperty("entitled").GetBoolean().ShouldBeTrue("past_due is entitled during the grace period");
        pastDue.GetProperty("paymentFailed").GetBoolean().ShouldBeTrue();
        await WaitForStatusAsync(client, token, "expired");
        await WaitForIdentityStatusAsync(account, "expired");
        var history = await client.GetJsonAsync("/api/v1/billing/history", token);
        history.GetProperty("payments").EnumerateArray().Count(p => p.GetProperty("status").GetString() == "failed").ShouldBe(1);
    }

    [Fact]
    public async Task Canceled_subscription_keeps_access_until_the_period_ends_then_expires()
    {
        var (account, token) = await billing.NewSubscriberAsync("local-cancel", status: null);
        using var client = billing.CreateBillingClient();
        using (var checkout = await client.PostAsync("/api/v1/billing/subscription/checkout", token))
        {
            checkout.StatusCode.ShouldBe(HttpStatusCode.OK, await checkout.Content.ReadAsStringAsync(Ct));
        }

        using var cancel = await client.PostAsync("/api/v1/billing/subscription/cancel", token);
        var canceled = await IdentityApiCalls.ReadAsync(cancel, HttpStatusCode.OK, "cancel");

        canceled.GetProperty("status").GetString().ShouldBe("canceled");
        canceled.GetProperty("entitled").GetBoolean().ShouldBeTrue();
        canceled.GetProperty("canResume").GetBoolean().ShouldBeTrue();
        var invoicesWhenCanceled = (await client.GetJsonAsync("/api/v1/billing/history", token)).GetProperty("invoices").GetArrayLength();
        await WaitForStatusAsync(client, token, "expired");
        await WaitForIdentityStatusAsync(account, "expired");
        (await client.GetJsonAsync("/api/v1/billing/history", token)).GetProperty("invoices").GetArrayLength()
            .ShouldBe(invoicesWhenCanceled, "a canceled subscription is not renewed");
    }

    private static Task WaitForStatusAsync(HttpClient client, string token, string status) =>
        Poll.UntilAsync(
            async () => (await client.GetJsonAsync("/api/v1/billing/subscription", token)).GetProperty("status").GetString() == status,
            ClockTimeout,
            $"billing status {status}");

    private async Task WaitForIdentityStatusAsync(RegisteredAccount account, string status)
    {
        using var identity = billing.CreateIdentityClient();
        await Poll.UntilAsync(
            async () =>
            {
                using var me = await identity.GetMeAsync((await identity.LoginAsync(account)).AccessToken);
                return (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("subStatus").GetString() == status;
            },
            ClockTimeout,
            $"Identity subStatus {status}");
    }

    private async Task<string> NewAdminTokenAsync()
    {
        using var identity = billing.CreateIdentityClient();
        var admin = await identity.NewAccountAsync("local-admin");
        await billing.Database.PromoteToAdminAsync(admin.UserId);
        return (await identity.LoginAsync(admin)).AccessToken;
    }
}
