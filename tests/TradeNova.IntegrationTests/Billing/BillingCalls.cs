using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TradeNova.IntegrationTests.Identity;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>The calls the billing tests make: a registered user with a token, their subscription, signed webhooks.</summary>
public static class BillingCalls
{
    public static readonly TimeSpan EventualConsistency = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Registers through Identity, logs in, and waits until Billing (on UserRegistered) started the trial.</summary>
    public static async Task<(RegisteredAccount Account, string Token)> NewSubscriberAsync(this BillingFixture billing, string purpose, string? status = "trialing")
    {
        using var identity = billing.CreateIdentityClient();
        var account = await identity.NewAccountAsync(purpose);
        var token = (await identity.LoginAsync(account)).AccessToken;
        using var client = billing.CreateBillingClient();
        await client.WaitForSubscriptionAsync(token, s => status is null || s.GetProperty("status").GetString() == status);
        return (account, token);
    }

    public static Task<JsonElement> WaitForSubscriptionAsync(this HttpClient client, string token, Func<JsonElement, bool> condition, string? description = null) =>
        Poll.UntilAsync(
            async () =>
            {
                using var response = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/billing/subscription", token), Ct);
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>(Ct) : default;
            },
            body => body.ValueKind == JsonValueKind.Object && condition(body),
            EventualConsistency,
            description ?? "billing subscription");

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, string token)
    {
        using var response = await client.SendAsync(Request(HttpMethod.Get, path, token), Ct);
        return await IdentityApiCalls.ReadAsync(response, HttpStatusCode.OK, path);
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string token, string? idempotencyKey = null, object? body = null)
    {
        var request = Request(HttpMethod.Post, path, token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        request.Content = body is null ? null : JsonContent.Create(body);
        return await client.SendAsync(request, Ct);
    }

    public static async Task<HttpResponseMessage> PostWebhookAsync(this HttpClient client, string json, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/webhooks/stripe")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await client.SendAsync(request, Ct);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
