using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>
/// What a subscription allows, end to end through the gateway with the local billing provider: trial users trade
/// and backtest; an expired trial gets 403 subscription-required; subscribing restores access; a failed renewal past
/// the grace period lapses the subscription and Execution cancels the user's open orders.
/// </summary>
[Collection(PlatformCollection.Name)]
public class SubscriptionEntitlementThroughGatewayTests(PlatformFixture platform)
{
    private const string SubscriptionRequired = "https://tradenova.dev/problems/subscription-required";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Trial_then_expiry_then_subscription_then_unpaid_renewal_governs_orders_and_backtests()
    {
        using var gateway = platform.CreateGatewayClient();
        var admin = await platform.NewAdminAsync(gateway);
        var user = await gateway.NewUserAsync();
        await WaitForBillingStatusAsync(gateway, user, "trialing");
        await gateway.WaitForPortfolioAsync(user);

        // Trial: fully usable at once.
        var trialOrder = await PlaceOrderAsync(gateway, user.AccessToken);
        trialOrder.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Accepted, HttpStatusCode.OK);
        (await RunBacktestAsync(gateway, user.AccessToken)).StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Accepted, HttpStatusCode.OK);

        // The trial ends (the local provider's hook moves its end to now): the next token is not entitled.
        await AdminAsync(gateway, admin, $"/api/v1/billing/admin/subscriptions/{user.UserId}/simulate/trial-expiry");
        var expired = await NextTokenWithStatusAsync(gateway, user, "expired");
        await ShouldBeSubscriptionRequiredAsync(await PlaceOrderAsync(gateway, expired));
        await ShouldBeSubscriptionRequiredAsync(await RunBacktestAsync(gateway, expired));
        (await gateway.GetAsync("/api/v1/portfolio", expired)).StatusCode.ShouldBe(HttpStatusCode.OK, "reading one's own data stays allowed");

        // Subscribing (local provider: a simulated checkout) restores access.
        using (var checkout = await PostAsync(gateway, "/api/v1/billing/subscription/checkout", expired, new { }))
        {
            checkout.StatusCode.ShouldBe(HttpStatusCode.OK, await checkout.Content.ReadAsStringAsync(Ct));
        }

        var active = await NextTokenWithStatusAsync(gateway, user, "active");
        // Risk learns of the subscription from the same event as Identity, possibly a moment later: until then it
        // rejects; ask again until an order rests open.
        var resting = await Poll.UntilAsync<JsonElement>(
            async () =>
            {
                using var placed = await PlaceOrderAsync(gateway, active);
                placed.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Accepted, HttpStatusCode.OK);
                var id = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
                return await Poll.UntilAsync(
                    () => OrderAsync(gateway, active, id), o => o.OrderStatus() is not "pending_risk", GatewayApi.EventualConsistency, "risk check");
            },
            // Only a rejection for entitlement is worth asking again; any other answer is final.
            order => order.OrderStatus() != "rejected" || !order.ReasonCodes().Contains(RiskReasonCodes.Entitlement),
            GatewayApi.EventualConsistency,
            "an order checked by Risk after it learned of the subscription");
        resting.OrderStatus().ShouldBe("accepted", resting.ToString());
        var orderId = resting.GetProperty("id").GetGuid();
        (await RunBacktestAsync(gateway, active)).StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Accepted, HttpStatusCode.OK);

        // The renewal payment fails and the grace period is over: the subscription lapses, open orders are canceled.
        await AdminAsync(gateway, admin, $"/api/v1/billing/admin/subscriptions/{user.UserId}/simulate/payment-failure?pastGrace=true");
        var lapsed = await NextTokenWithStatusAsync(gateway, user, "expired");
        await Poll.UntilAsync(
            async () => (await OrderAsync(gateway, lapsed, orderId)).OrderStatus() == "canceled",
            GatewayApi.EventualConsistency,
            $"order {orderId} canceled after the subscription lapsed");
        await ShouldBeSubscriptionRequiredAsync(await PlaceOrderAsync(gateway, lapsed));
        var billing = await GetJsonAsync(gateway, "/api/v1/billing/history", lapsed);
        billing.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("status").GetString()).Order().ShouldBe(["failed", "succeeded"]);
    }

    private static async Task<HttpResponseMessage> PlaceOrderAsync(HttpClient gateway, string token)
    {
        // A buy limit 5% below the market stays open, and stays inside Risk's 10% price collar.
        var quotes = await GetJsonAsync(gateway, "/api/v1/market/quotes?symbols=AAPL", token);
        var limit = Math.Round(quotes.GetProperty("quotes")[0].GetProperty("last").GetDecimal() * 0.95m, 2);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(new { symbol = "AAPL", side = "buy", type = "limit", timeInForce = "gtc", quantity = 1, limitPrice = limit }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await gateway.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> RunBacktestAsync(HttpClient gateway, string token) =>
        PostAsync(gateway, "/api/v1/backtests", token, new
        {
            name = "entitlement check",
            initialCash = 100_000,
            strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
            sizing = new { mode = "all-cash" },
            fractionalShares = false,
            risk = new { enabled = false },
        });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient gateway, string path, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await gateway.SendAsync(request, Ct);
    }

    private static async Task AdminAsync(HttpClient gateway, PlatformUser admin, string path)
    {
        using var response = await PostAsync(gateway, path, admin.AccessToken, new { reason = "platform entitlement test" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task ShouldBeSubscriptionRequiredAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync(Ct));
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString().ShouldBe(SubscriptionRequired);
        }
    }

    private static async Task<JsonElement> OrderAsync(HttpClient gateway, string token, Guid orderId) =>
        (await GetJsonAsync(gateway, $"/api/v1/orders/{orderId}", token)).GetProperty("order");

    private static async Task<JsonElement> GetJsonAsync(HttpClient gateway, string path, string token)
    {
        using var response = await gateway.GetAsync(path, token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Task WaitForBillingStatusAsync(HttpClient gateway, PlatformUser user, string status) =>
        Poll.UntilAsync(
            async () =>
            {
                using var response = await gateway.GetAsync("/api/v1/billing/subscription", user.AccessToken);
                return response.StatusCode == HttpStatusCode.OK
                    && (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString() == status;
            },
            GatewayApi.EventualConsistency,
            $"billing status {status}");

    /// <summary>Waits until Identity applied Billing's event (its /me shows the status), then logs in for a token carrying it.</summary>
    private static async Task<string> NextTokenWithStatusAsync(HttpClient gateway, PlatformUser user, string subStatus)
    {
        await Poll.UntilAsync(
            async () =>
            {
                var token = await gateway.LoginAsync(user.Email, user.Password);
                using var me = await gateway.GetAsync("/api/v1/identity/me", token);
                return me.StatusCode == HttpStatusCode.OK
                    && (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("subStatus").GetString() == subStatus;
            },
            GatewayApi.EventualConsistency,
            $"sub_status {subStatus}");
        return await gateway.LoginAsync(user.Email, user.Password);
    }
}

internal static class OrderJson
{
    public static string? OrderStatus(this JsonElement order) => order.GetProperty("status").GetString();

    public static string[] ReasonCodes(this JsonElement order) =>
        order.TryGetProperty("reasonCodes", out var codes) && codes.ValueKind == JsonValueKind.Array
            ? [.. codes.EnumerateArray().Select(c => c.GetString()!)]
            : [];
}
