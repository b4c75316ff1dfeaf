using System.Net;
using System.Text.Json;
using TradeNova.IntegrationTests.Execution;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary><c>GET /api/v1/market/bars</c>: Alpaca historical bars through the caller's own keys, against the loopback fake.</summary>
[Collection(BrokerConnectionCollection.Name)]
public sealed class MarketBarsApiTests(BrokerConnectionFixture fixture)
{
    private FakeAlpacaServer Alpaca => fixture.Alpaca;

    [Fact]
    public async Task Bars_are_read_with_the_callers_own_keys_paging_through_alpaca_within_one_call()
    {
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        var (first, second) = (Symbol("B"), Symbol("C"));
        Alpaca.PlayBars(first, FakeBar.Daily(new DateOnly(2026, 11, 2), 101m, 102m, 103m, 104m, 105m));
        Alpaca.PlayBars(second, FakeBar.Daily(new DateOnly(2026, 11, 2), 50m, 51m, 52m));
        using var execution = fixture.CreateExecutionClient();

        using var response = await execution.SendAsync(HttpMethod.Get,
            $"/api/v1/market/bars?symbols={first},{second}&timeframe=1Day&start=2026-11-01&end=2026-11-30&source=alpaca&adjustment=all", token);

        var body = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.OK, "bars");
        var bars = body.GetProperty("bars").EnumerateArray().ToList();
        bars.Select(b => (b.GetProperty("symbol").GetString(), b.GetProperty("close").GetDecimal()))
            .ShouldBe([(first, 101m), (first, 102m), (first, 103m), (first, 104m), (first, 105m), (second, 50m), (second, 51m), (second, 52m)]);
        bars[0].GetProperty("time").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero));
        body.GetProperty("nextPageToken").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("source").GetString().ShouldBe("alpaca");
        var requests = Alpaca.BarRequestsFor(first);
        requests.Count.ShouldBe(3, "8 bars at 3 a page");
        requests.ShouldAllBe(r => r.KeyId == keyId);
        requests[0].Query["timeframe"].ShouldBe("1Day");
        requests[0].Query["adjustment"].ShouldBe("all");
        requests[0].Query["start"].ShouldBe("2026-11-01T00:00:00Z");
        requests[0].Query.ContainsKey("page_token").ShouldBeFalse();
        requests[1].Query["page_token"].ShouldNotBeNullOrEmpty();
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Bars_without_broker_keys_are_a_422_broker_not_connected_problem()
    {
        var token = await fixture.NewUserTokenAsync();
        using var execution = fixture.CreateExecutionClient();

        using var response = await execution.SendAsync(HttpMethod.Get, "/api/v1/market/bars?symbols=AAPL&timeframe=1Day&start=2026-11-01", token);

        var problem = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "bars without keys");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/broker-not-connected");
    }

    [Fact]
    public async Task Bad_bar_query_is_a_400_naming_each_field_and_asks_alpaca_nothing()
    {
        var (token, _) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        var before = Alpaca.RequestsTo("GET", "/v2/stocks/bars").Count;

        using var response = await execution.SendAsync(HttpMethod.Get,
            "/api/v1/market/bars?symbols=&timeframe=2Day&start=yesterday&end=2026-13-01&source=yahoo&adjustment=most", token);

        var problem = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.BadRequest, "bad bars query");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldBe(["symbols", "timeframe", "start", "end", "source", "adjustment"], ignoreOrder: true);
        Alpaca.RequestsTo("GET", "/v2/stocks/bars").Count.ShouldBe(before);
    }

    [Fact]
    public async Task Alpaca_refusing_the_keys_is_a_422_and_its_rate_limit_a_429_with_retry_after()
    {
        var (token, _) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        const string Path = "/api/v1/market/bars?symbols=AAPL&timeframe=1Day&start=2026-11-01&end=2026-11-30";

        Alpaca.Script(new ScriptedResponse("GET", "/v2/stocks/bars", 403, """{"code":40310000,"message":"forbidden"}"""));
        using var forbidden = await execution.SendAsync(HttpMethod.Get, Path, token);
        // Reads are retried on 429 (with jittered backoff) before the caller hears of it: every attempt is refused here.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            Alpaca.Script(new ScriptedResponse("GET", "/v2/stocks/bars", 429, """{"code":42910000,"message":"rate limit exceeded"}"""));
        }

        using var limited = await execution.SendAsync(HttpMethod.Get, Path, token);

        (await ExecutionApiCalls.ReadAsync(forbidden, HttpStatusCode.UnprocessableEntity, "keys refused"))
            .GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/broker-credentials-rejected");
        (await ExecutionApiCalls.ReadAsync(limited, HttpStatusCode.TooManyRequests, "rate limited"))
            .GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/broker-rate-limited");
        limited.Headers.RetryAfter.ShouldNotBeNull();
    }

    private static string Symbol(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..6].ToUpperInvariant();
}
