using System.Net;
using TradeNova.Contracts.Market;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Execution;

[Collection(ExecutionCollection.Name)]
public sealed class MarketDataTests(ExecutionFixture fixture)
{
    [Fact]
    public async Task Quotes_are_simulated_and_unknown_symbols_are_named_in_a_400()
    {
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        using var quotes = await execution.SendAsync(HttpMethod.Get, "/api/v1/market/quotes?symbols=AAPL,msft", token);
        using var unknown = await execution.SendAsync(HttpMethod.Get, "/api/v1/market/quotes?symbols=AAPL,ZZZZ,QQQQ", token);
        using var symbols = await execution.SendAsync(HttpMethod.Get, "/api/v1/market/symbols", token);
        using var anonymous = await execution.GetAsync("/api/v1/market/symbols", TestContext.Current.CancellationToken);

        var body = await ExecutionApiCalls.ReadAsync(quotes, HttpStatusCode.OK, "quotes");
        body.GetProperty("source").GetString().ShouldBe("simulated");
        var list = body.GetProperty("quotes").EnumerateArray().ToList();
        list.Select(q => q.GetProperty("symbol").GetString()).ShouldBe(["AAPL", "MSFT"]);
        list.ShouldAllBe(q => q.GetProperty("bid").GetDecimal() < q.GetProperty("last").GetDecimal()
                              && q.GetProperty("last").GetDecimal() < q.GetProperty("ask").GetDecimal());
        var problem = await ExecutionApiCalls.ReadAsync(unknown, HttpStatusCode.BadRequest, "unknown");
        problem.GetProperty("errors").GetProperty("symbols")[0].GetString().ShouldBe("Unknown symbols: ZZZZ, QQQQ.");
        var universe = await ExecutionApiCalls.ReadAsync(symbols, HttpStatusCode.OK, "symbols");
        universe.GetProperty("symbols").GetArrayLength().ShouldBeGreaterThanOrEqualTo(50);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Prices_are_published_coalesced_about_once_a_second_for_the_whole_universe()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri);

        var updates = await Poll.UntilAsync(
            () => Task.FromResult(bus.Of<MarketPricesUpdated>().ToList()), u => u.Count >= 5, TimeSpan.FromSeconds(30), "five price updates");

        updates.ShouldAllBe(u => u.Source == "simulated" && u.Prices.Count >= 50);
        updates = [.. updates.OrderBy(u => u.AsOf)]; // handlers run concurrently, so arrival order is not publication order
        var gaps = updates.Zip(updates.Skip(1), (a, b) => b.AsOf - a.AsOf).ToList();
        // A periodic timer keeps its schedule: after a late tick the next one comes early, so single gaps vary under
        // load while the cadence holds. Coalesced means no burst: every update is a distinct second's snapshot.
        gaps.ShouldAllBe(gap => gap > TimeSpan.Zero);
        var mean = (updates[^1].AsOf - updates[0].AsOf) / gaps.Count;
        mean.ShouldBeInRange(TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(2_500));
    }
}
