using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.IntegrationTests.Identity;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Execution;

/// <summary>The order and market routes, called directly on the Execution service with a token from Identity.</summary>
public static class ExecutionApiCalls
{
    public static readonly TimeSpan EventualConsistency = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> NewTraderAsync(this ExecutionFixture fixture)
    {
        using var identity = fixture.CreateIdentityClient();
        var account = await identity.NewAccountAsync("trader");
        return (await identity.LoginAsync(account)).AccessToken;
    }

    public static Task<HttpResponseMessage> PlaceAsync(this HttpClient execution, string token, object order, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(order) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return execution.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> PlaceOkAsync(this HttpClient execution, string token, object order)
    {
        using var response = await execution.PlaceAsync(token, order, Guid.NewGuid().ToString());
        return await ReadAsync(response, HttpStatusCode.Created, "place order");
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient execution, HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return execution.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> GetOrderAsync(this HttpClient execution, string token, Guid orderId)
    {
        using var response = await execution.SendAsync(HttpMethod.Get, $"/api/v1/orders/{orderId}", token);
        return await ReadAsync(response, HttpStatusCode.OK, "get order");
    }

    public static Task<JsonElement> WaitForStatusAsync(this HttpClient execution, string token, Guid orderId, params string[] statuses) =>
        Poll.UntilAsync(
            () => execution.GetOrderAsync(token, orderId),
            details => statuses.Contains(details.GetProperty("order").GetProperty("status").GetString()),
            EventualConsistency,
            $"order {orderId} in {string.Join("/", statuses)}");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string action)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, $"{action}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Guid Id(this JsonElement order) => order.GetProperty("id").GetGuid();

    public static string Status(this JsonElement order) => order.GetProperty("status").GetString()!;
}
