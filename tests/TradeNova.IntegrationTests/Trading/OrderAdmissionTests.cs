using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.IntegrationTests.Platform;
using static TradeNova.IntegrationTests.Trading.TradingApi;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>Load shedding on order placement: an Execution instance past its limits refuses at once and writes nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OrderAdmissionTests(PlatformFixture platform)
{
    private static readonly object Order = new { symbol = "AAPL", side = "buy", type = "market", timeInForce = "day", notional = 20m };

    [Fact]
    public async Task Past_its_in_flight_and_queue_limits_an_instance_refuses_placements_with_503_and_places_nothing_for_them()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        var execution = await platform.StartExtraInstanceAsync("execution", new Dictionary<string, string>
        {
            ["TradeNova__Execution__MaxOrdersInFlight"] = "1",
            ["TradeNova__Execution__MaxOrdersQueued"] = "0",
        });
        using var direct = new HttpClient { BaseAddress = execution.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var keys = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid().ToString()).ToArray();

        var answers = await Task.WhenAll(keys.Select(async key =>
        {
            using var response = await PlaceAsync(direct, user.AccessToken, key);
            return (Key: key, response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta,
                response.Content.Headers.ContentType?.MediaType, Body: await response.Content.ReadAsStringAsync());
        }));

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        var placed = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        refused.ShouldNotBeEmpty("16 placements at once against one slot and no queue");
        placed.ShouldNotBeEmpty("the placement holding the slot goes through");
        (refused.Count + placed.Count).ShouldBe(keys.Length, string.Join(", ", answers.Select(a => a.StatusCode)));
        foreach (var answer in refused)
        {
            answer.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
            answer.MediaType.ShouldBe("application/problem+json");
            JsonDocument.Parse(answer.Body).RootElement.GetProperty("type").GetString().ShouldEndWith("/orders-overloaded");
        }

        // Nothing was written for a refused placement: the user's orders are exactly the placed ones and their legs.
        var orders = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/orders?pageSize=200", user.AccessToken);
        var parents = orders.GetProperty("items").EnumerateArray().Where(o => o.GetProperty("parentOrderId").ValueKind == JsonValueKind.Null).ToList();
        parents.Count.ShouldBe(placed.Count);

        // The same key once the burst is over places the order.
        using var retried = await PlaceAsync(direct, user.AccessToken, refused[0].Key);
        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> PlaceAsync(HttpClient execution, string token, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(Order) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return execution.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
