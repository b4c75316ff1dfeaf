using System.Net;
using System.Text.Json.Nodes;
using TradeNova.IntegrationTests.Execution;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>
/// A user's live strategy runs share one Alpaca market-data stream: subscribed to the union of their symbols, a symbol
/// let go when no run needs it, the stream closed with the last run. Execution runs as a process; Alpaca is the
/// loopback <see cref="FakeAlpacaServer"/>.
/// </summary>
[Collection(BrokerConnectionCollection.Name)]
public sealed class LiveStrategyStreamTests(BrokerConnectionFixture fixture)
{
    private FakeAlpacaServer Alpaca => fixture.Alpaca;

    [Fact]
    public async Task A_users_live_runs_share_one_stream_on_the_union_of_their_symbols_and_let_go_of_what_no_run_needs()
    {
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();

        var ko = await StartLiveAsync(execution, token, "KO");
        await Poll.UntilAsync(() => Task.FromResult(SubscribedBars(keyId).Contains("KO")), ExecutionApiCalls.EventualConsistency, "KO subscribed");
        var both = await StartLiveAsync(execution, token, "KO", "PEP");
        await Poll.UntilAsync(() => Task.FromResult(SubscribedBars(keyId).Contains("PEP")), ExecutionApiCalls.EventualConsistency, "PEP subscribed");
        (await execution.RunAsync(token, both)).GetProperty("run").GetProperty("barSource").GetString().ShouldBe("alpaca-iex");

        Alpaca.DataConnectionsOf(keyId).ShouldBe(1, "one stream for the user's runs");
        Alpaca.DataSubscribes.Where(s => s.KeyId == keyId).SelectMany(s => Bars(s.Frame)).Count(s => s == "KO").ShouldBe(1, "a symbol two runs need is subscribed once");

        await execution.StopOkAsync(token, both);
        await Poll.UntilAsync(() => Task.FromResult(Alpaca.DataUnsubscribes.Any(u => u.KeyId == keyId)), ExecutionApiCalls.EventualConsistency, "PEP let go");
        Alpaca.DataUnsubscribes.Where(u => u.KeyId == keyId).SelectMany(u => Bars(u.Frame)).ShouldBe(["PEP"], "KO is still needed by the other run");
        Alpaca.DataStreamIsConnectedFor(keyId).ShouldBeTrue();

        await execution.StopOkAsync(token, ko);
        await Poll.UntilAsync(() => Task.FromResult(!Alpaca.DataStreamIsConnectedFor(keyId)), ExecutionApiCalls.EventualConsistency, "the stream closed with the last run");
        Alpaca.DataConnectionsOf(keyId).ShouldBe(1, "closed, not reconnected");
        Alpaca.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_live_run_on_bars_shorter_than_alpacas_minute_is_a_400_naming_bar_seconds()
    {
        var (token, _) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();

        using var response = await execution.SendAsync(HttpMethod.Post, "/api/v1/strategies", token, Body(15, "KO"));
        var problem = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.BadRequest, "start on 15 s bars");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["barSeconds"]);
    }

    private IReadOnlyList<string> SubscribedBars(string keyId) => [.. Alpaca.DataSubscribes.Where(s => s.KeyId == keyId).SelectMany(s => Bars(s.Frame))];

    private static IEnumerable<string> Bars(JsonObject frame) =>
        frame["bars"] is JsonArray symbols ? symbols.Select(s => s!.GetValue<string>()) : [];

    private static async Task<Guid> StartLiveAsync(HttpClient execution, string token, params string[] symbols) =>
        (await execution.StartOkAsync(token, Body(60, symbols))).Id();

    private static object Body(int barSeconds, params string[] symbols) => new
    {
        strategy = new
        {
            name = "rules",
            parameters = new
            {
                symbols,
                entry = new { op = ">", left = "close", right = 0 },
                exit = new { op = "<", left = "close", right = 0 },
                sizing = new { fractionOfEquity = 0.1 },
            },
        },
        allocation = 1_000m,
        account = "live",
        barSeconds,
    };
}
