using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>
/// A subscriber trading through the gateway as a client would: orders, their state, the portfolio, and Risk's view of
/// the account (limits, usage, halts). Every read polls for eventual consistency; nothing sleeps.
/// </summary>
public sealed class TradingLoopTrader(HttpClient gateway, PlatformUser user)
{
    public static readonly TimeSpan Eventually = GatewayApi.EventualConsistency;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public PlatformUser User { get; } = user;

    /// <summary>A new user whose $10,000 portfolio is open and known to Risk, so the first order is judged on it.</summary>
    public static async Task<TradingLoopTrader> NewAsync(HttpClient gateway)
    {
        var trader = new TradingLoopTrader(gateway, await gateway.NewUserAsync());
        await gateway.WaitForPortfolioAsync(trader.User);
        await trader.WaitForRiskAsync(r => r.Usage().GetProperty("equity").GetDecimal() == 10_000m, "Risk knows the $10,000 account");
        return trader;
    }

    public Task<JsonElement> BuyAsync(string symbol, decimal notional) =>
        PlaceAsync(new { symbol, side = "buy", type = "market", timeInForce = "day", notional });

    public Task<JsonElement> SellAsync(string symbol, decimal quantity) =>
        PlaceAsync(new { symbol, side = "sell", type = "market", timeInForce = "day", quantity });

    /// <summary>Places an order (a fresh Idempotency-Key) and returns it as answered, after Risk's verdict.</summary>
    public async Task<JsonElement> PlaceAsync(object order)
    {
        using var response = await PostOrderAsync(order, Guid.NewGuid().ToString());
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.OK], body);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public async Task<HttpResponseMessage> PostOrderAsync(object order, string idempotencyKey)
    {
        using var request = Authorized(HttpMethod.Post, "/api/v1/orders");
        request.Content = JsonContent.Create(order);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await gateway.SendAsync(request, Ct);
    }

    /// <summary>Buys and waits until the order is filled and the position is in the portfolio.</summary>
    public async Task<JsonElement> BuyFilledAsync(string symbol, decimal notional)
    {
        var order = await BuyAsync(symbol, notional);
        order.Status().ShouldBeOneOf(["accepted", "partially_filled", "filled"], order.ToString());
        return await WaitForOrderAsync(order.Id(), o => o.Status() == "filled", $"buy {symbol} filled");
    }

    public async Task<JsonElement> OrderAsync(Guid id) => (await GetJsonAsync($"/api/v1/orders/{id}")).GetProperty("order");

    public Task<JsonElement> WaitForOrderAsync(Guid id, Func<JsonElement, bool> condition, string description) =>
        Poll.UntilAsync(() => OrderAsync(id), condition, Eventually, description);

    public async Task<IReadOnlyList<JsonElement>> OrdersAsync(string query) =>
        [.. (await GetJsonAsync($"/api/v1/orders?{query}")).GetProperty("items").EnumerateArray()];

    public Task<JsonElement> PortfolioAsync() => GetJsonAsync("/api/v1/portfolio");

    public Task<JsonElement> WaitForPortfolioAsync(Func<JsonElement, bool> condition, string description) =>
        Poll.UntilAsync(PortfolioAsync, condition, Eventually, description);

    /// <summary>GET /api/v1/risk/limits: limits, usage (Risk's read model) and halts.</summary>
    public Task<JsonElement> RiskAsync() => GetJsonAsync("/api/v1/risk/limits");

    public Task<JsonElement> WaitForRiskAsync(Func<JsonElement, bool> condition, string description) =>
        Poll.UntilAsync(RiskAsync, condition, Eventually, description);

    public async Task<JsonElement> ResumeAsync(string reason)
    {
        using var request = Authorized(HttpMethod.Post, "/api/v1/risk/resume");
        request.Content = JsonContent.Create(new { reason });
        using var response = await gateway.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await gateway.GetAsync(path, User.AccessToken);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", User.AccessToken);
        return request;
    }
}

/// <summary>Reading the API's JSON the way the tests talk about it.</summary>
public static class TradingLoopJson
{
    public static Guid Id(this JsonElement order) => order.GetProperty("id").GetGuid();

    public static string? Status(this JsonElement order) => order.GetProperty("status").GetString();

    public static string[] Codes(this JsonElement order) =>
        [.. order.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()!)];

    public static JsonElement Usage(this JsonElement risk) => risk.GetProperty("usage");

    public static int OpenPositions(this JsonElement risk) => (int)risk.Usage().GetProperty("openPositions").GetProperty("used").GetDecimal();

    public static string[] HaltCodes(this JsonElement risk) =>
        [.. risk.GetProperty("halt").GetProperty("halts").EnumerateArray().Select(h => h.GetProperty("code").GetString()!)];

    public static decimal Quantity(this JsonElement portfolio, string symbol) =>
        portfolio.GetProperty("positions").EnumerateArray()
            .Where(p => p.GetProperty("symbol").GetString() == symbol).Select(p => p.GetProperty("quantity").GetDecimal()).SingleOrDefault();

    public static decimal Money(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();

    public static string Describe(this JsonElement element) => element.ToString();

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
