using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.IntegrationTests.Identity;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>Admins list subscriptions and grant, extend or cancel one with a reason; every action is in the append-only audit log.</summary>
[Collection(BillingCollection.Name)]
public sealed class AdminSubscriptionsTests(BillingFixture billing)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribers_cannot_use_the_admin_api()
    {
        var (_, token) = await billing.NewSubscriberAsync("not-admin");
        using var client = billing.CreateBillingClient();

        using var list = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/billing/admin/subscriptions")
        {
            Headers = { Authorization = new("Bearer", token) },
        }, Ct);

        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admin_extends_grants_and_cancels_with_reasons_that_are_audited_and_the_user_loses_access()
    {
        var (user, userToken) = await billing.NewSubscriberAsync("admin-target");
        var admin = await NewAdminTokenAsync();
        using var client = billing.CreateBillingClient();
        var before = await client.GetJsonAsync("/api/v1/billing/subscription", userToken);
        var trialEnd = before.GetProperty("trialEndsAt").GetDateTimeOffset();

        using (var missingReason = await client.PostAsync($"/api/v1/billing/admin/subscriptions/{user.UserId}/extend", admin, body: new { days = 7 }))
        {
            missingReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await missingReason.Content.ReadAsStringAsync(Ct)).ShouldContain("reason");
        }

        var extended = await ActAsync(client, admin, user.UserId, "extend", new { reason = "support ticket 42", days = 7 });
        extended.GetProperty("trialEndsAt").GetDateTimeOffset().ShouldBe(trialEnd.AddDays(7));
        extended.GetProperty("status").GetString().ShouldBe("trialing");

        var granted = await ActAsync(client, admin, user.UserId, "grant", new { reason = "conference speaker", days = 30 });
        granted.GetProperty("grantedUntil").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(29));

        var canceled = await ActAsync(client, admin, user.UserId, "cancel", new { reason = "chargeback" });
        canceled.GetProperty("status").GetString().ShouldBe("expired");
        await client.WaitForSubscriptionAsync(userToken, s => s.GetProperty("status").GetString() == "expired" && !s.GetProperty("entitled").GetBoolean());
        using var identity = billing.CreateIdentityClient();
        await Poll.UntilAsync(
            async () =>
            {
                using var me = await identity.GetMeAsync((await identity.LoginAsync(user)).AccessToken);
                return (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("subStatus").GetString() == "expired";
            },
            BillingCalls.EventualConsistency,
            "Identity sees the canceled subscription");

        var audit = await client.GetJsonAsync($"/api/v1/billing/admin/audit?userId={user.UserId}", admin);
        audit.EnumerateArray().Select(e => $"{e.GetProperty("action").GetString()}: {e.GetProperty("reason").GetString()}").Reverse()
            .ShouldBe(["extend: support ticket 42", "grant: conference speaker", "cancel: chargeback"]);
        var listed = await client.GetJsonAsync("/api/v1/billing/admin/subscriptions?status=expired&limit=200", admin);
        listed.EnumerateArray().ShouldContain(s => s.GetProperty("userId").GetGuid() == user.UserId);
        (await billing.Database.TryAsBillingRoleAsync("UPDATE billing.admin_audit_log SET reason = 'rewritten'"))
            .ShouldBe("billing.admin_audit_log is append-only");
    }

    private async Task<string> NewAdminTokenAsync()
    {
        using var identity = billing.CreateIdentityClient();
        var account = await identity.NewAccountAsync("billing-admin");
        await billing.Database.PromoteToAdminAsync(account.UserId);
        return (await identity.LoginAsync(account)).AccessToken;
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, string admin, Guid userId, string action, object body)
    {
        using var response = await client.PostAsync($"/api/v1/billing/admin/subscriptions/{userId}/{action}", admin, body: body);
        return await IdentityApiCalls.ReadAsync(response, HttpStatusCode.OK, action);
    }
}
