using System.Net;
using System.Text.Json;
using Npgsql;
using TradeNova.IntegrationTests.Alpaca;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;
using static TradeNova.IntegrationTests.Trading.TradingApi;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>
/// A live strategy run on the user's own Alpaca minute bars: the whole platform (real Risk, Portfolio, gateway) with the
/// loopback Alpaca, which plays the market data stream and the REST bar history. The fake's bars are stamped a few
/// minutes ahead of the wall clock, so the windows close on Alpaca's clock (a later minute bar), not on the test's.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LiveStrategyBarsTests(PlatformFixture platform)
{
    private const string Secret = "sEcReT-live-bars-7Rw";
    private const string Symbol = "PEP";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_live_run_trades_on_the_users_alpaca_minute_bars_and_after_a_dropped_stream_sees_each_missed_bar_once_in_order()
    {
        var alpaca = platform.Alpaca;
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        var keyId = $"PKBARS{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        alpaca.Keys[keyId] = Secret;
        alpaca.SetAccount(keyId, "PA-BARS-0001", 100_000m);
        await gateway.JsonAsync(HttpMethod.Put, "/api/v1/broker/connection", user.AccessToken,
            new { broker = "alpaca", environment = "paper", keyId, secretKey = Secret });
        await Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits?account=live", user.AccessToken),
            l => l.GetProperty("usage").GetProperty("equity").GetDecimal() == 100_000m, Eventually, "Risk knows the live equity");

        // Minute bars from B on; B is minutes ahead, so no window of them closes by the wall clock during the test.
        var b = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(4);
        decimal[] closes = [145m, 144m, 143m, 142m, 141m, 150m, 151m];
        var bars = closes.Select((close, i) => new FakeBar(b.AddMinutes(i), close + 0.5m, close + 1m, close - 1m, close, 1_000m + i)).ToArray();
        alpaca.PlayBars(Symbol, bars[..3]); // Alpaca's history so far

        var started = await gateway.JsonAsync(HttpMethod.Post, "/api/v1/strategies", user.AccessToken, new
        {
            strategy = new
            {
                name = "rules",
                parameters = new
                {
                    symbols = new[] { Symbol },
                    entry = new { op = ">", left = "close", right = 0 },
                    exit = new { op = ">=", left = "close", right = new { indicator = "sma", period = 2 } },
                    sizing = new { fractionOfEquity = 0.1 },
                },
            },
            allocation = 2_000m,
            account = "live",
            barSeconds = 60,
            sizing = new { mode = "fixed-shares", value = 3 },
        }, HttpStatusCode.Created);
        var runId = started.GetProperty("id").GetGuid();
        started.GetProperty("barSource").GetString().ShouldBe("alpaca-iex");
        await Poll.UntilAsync(() => Task.FromResult(alpaca.DataSubscribes.Any(s => s.KeyId == keyId && Bars(s.Frame).Contains(Symbol))),
            Eventually, "the run's symbol subscribed on the user's data stream");
        (await RunAsync(gateway, user, runId)).GetProperty("run").GetProperty("barSource").GetString().ShouldBe("alpaca-iex");

        // B on the stream, then B+1 closes it: the run buys (B was the first bar of the connection: confirmed over REST).
        await alpaca.SendMinuteBarsAsync(keyId, Symbol, bars[0]);
        await alpaca.SendMinuteBarsAsync(keyId, Symbol, bars[1]);
        var buy = await Poll.UntilAsync(() => Task.FromResult(alpaca.Orders.Values.FirstOrDefault(o => o["symbol"]?.GetValue<string>() == Symbol && o["side"]?.GetValue<string>() == "buy"
                && alpaca.OrderOwners.GetValueOrDefault(o["client_order_id"]!.GetValue<string>()) == keyId)),
            o => o is not null, Eventually, "the strategy's buy reached Alpaca");
        var buyId = buy!["client_order_id"]!.GetValue<string>();
        decimal.Parse(buy["qty"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3m);
        alpaca.Fill(buyId, 3m, 145m);
        await Poll.UntilAsync(() => Task.FromResult(alpaca.StreamIsConnectedFor(keyId)), Eventually, "the trade stream connected");
        await alpaca.SendTradeUpdateAsync("fill", buyId, 145m, 3m);
        await Poll.UntilAsync(async () => (await RunAsync(gateway, user, runId)).GetProperty("run").GetProperty("pnl").GetProperty("positions").GetArrayLength() == 1,
            Eventually, "the run holds the filled position");

        // B+2 on the stream closes B+1, which the stream covered: no REST request for it.
        await alpaca.SendMinuteBarsAsync(keyId, Symbol, bars[2]);
        await WaitForBarsAsync(gateway, user, runId, 2);
        // The live run's position is marked at its own last Alpaca close (B+1: 144), not at the simulation's price.
        var held = (await RunAsync(gateway, user, runId)).GetProperty("run").GetProperty("pnl").GetProperty("positions")[0];
        held.GetProperty("marketPrice").GetDecimal().ShouldBe(144m);
        held.GetProperty("unrealizedPnl").GetDecimal().ShouldBe(-3m);

        // The stream drops and stays down a while; Alpaca's history meanwhile has B+3 and B+4 (and B+5, sent later).
        var connections = alpaca.DataConnectionsOf(keyId);
        alpaca.RefuseDataConnections(2);
        alpaca.DropDataStream(keyId);
        alpaca.PlayBars(Symbol, bars[..6]);
        await Poll.UntilAsync(() => Task.FromResult(alpaca.DataConnectionsOf(keyId) > connections && alpaca.DataStreamIsConnectedFor(keyId)),
            Eventually, "the data stream reconnected");
        await Poll.UntilAsync(() => Task.FromResult(alpaca.DataSubscribes.Any(s => s.KeyId == keyId && s.Connection > connections && Bars(s.Frame).Contains(Symbol))),
            Eventually, "the symbol subscribed again");
        await alpaca.SendMinuteBarsAsync(keyId, Symbol, bars[5]);
        await alpaca.SendMinuteBarsAsync(keyId, Symbol, bars[6]);
        await WaitForBarsAsync(gateway, user, runId, 6);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // nothing more may come of what was sent

        var steps = await StepsAsync(runId);
        steps.Select(s => s.Time).ShouldBe(bars[..6].Select(x => x.Time), "every bar once, in order: B..B+5 (B+6 has not closed)");
        steps.Select(s => s.Close).ShouldBe(closes[..6]);
        steps[0].Bar.ShouldBe((bars[0].Open, bars[0].High, bars[0].Low, bars[0].Close, bars[0].Volume));
        var details = await RunAsync(gateway, user, runId);
        details.GetProperty("run").GetProperty("barsProcessed").GetInt32().ShouldBe(6);
        var signals = details.GetProperty("signals").EnumerateArray()
            .Select(s => (s.GetProperty("time").GetDateTimeOffset(), s.GetProperty("side").GetString(), s.GetProperty("quantity").GetDecimal()))
            .OrderBy(s => s.Item1).ToList();
        signals.ShouldBe([(bars[0].Time, "buy", 3m), (bars[5].Time, "sell", 3m)],
            "bought on B; held while the close stayed under its 2-bar average; sold on B+5's jump to 150");
        var orders = details.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("bracketLeg").ValueKind == JsonValueKind.Null).ToList();
        orders.Select(o => (o.GetProperty("side").GetString(), o.GetProperty("mode").GetString())).OrderBy(o => o.Item1)
            .ShouldBe([("buy", "live"), ("sell", "live")]);
        await Poll.UntilAsync(() => Task.FromResult(orders.All(o => alpaca.Orders.ContainsKey(o.GetProperty("clientOrderId").GetString()!))),
            Eventually, "both of the run's orders reached Alpaca");

        var restStarts = alpaca.BarRequestsFor(Symbol).Where(r => r.KeyId == keyId)
            .Select(r => DateTimeOffset.Parse(r.Query["start"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        restStarts.ShouldContain(bars[0].Time, "the connection's first bar is confirmed over REST");
        restStarts.ShouldNotContain(bars[1].Time, "a window the stream covered is not fetched");
        restStarts.ShouldContain(bars[3].Time, "a bar missed while the stream was down is fetched");
        restStarts.ShouldContain(bars[4].Time);
        alpaca.BarRequestsFor(Symbol).ShouldAllBe(r => r.Query["timeframe"] == "1Min" && r.Query["feed"] == "iex");

        await gateway.JsonAsync(HttpMethod.Post, $"/api/v1/strategies/{runId}/stop", user.AccessToken, new { reason = "test over" });
        await Poll.UntilAsync(() => Task.FromResult(alpaca.DataUnsubscribes.Any(u => u.KeyId == keyId) || !alpaca.DataStreamIsConnectedFor(keyId)),
            Eventually, "the stream let go of the symbol once no run needs it");
        alpaca.Violations.ShouldBeEmpty();
    }

    private static IReadOnlyList<string> Bars(System.Text.Json.Nodes.JsonObject frame) =>
        frame["bars"] is System.Text.Json.Nodes.JsonArray symbols ? [.. symbols.Select(s => s!.GetValue<string>())] : [];

    private static Task<JsonElement> RunAsync(HttpClient gateway, PlatformUser user, Guid runId) =>
        gateway.JsonAsync(HttpMethod.Get, $"/api/v1/strategies/{runId}", user.AccessToken);

    private static Task<JsonElement> WaitForBarsAsync(HttpClient gateway, PlatformUser user, Guid runId, int count) =>
        Poll.UntilAsync(() => RunAsync(gateway, user, runId), d => d.GetProperty("run").GetProperty("barsProcessed").GetInt32() >= count,
            Eventually, $"{count} bars decided");

    private async Task<List<(DateTimeOffset Time, decimal Close, (decimal, decimal, decimal, decimal, decimal) Bar)>> StepsAsync(Guid runId)
    {
        await using var connection = new NpgsqlConnection(platform.Infrastructure.Database.ConnectionStringFor("execution"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT time, record FROM execution.strategy_steps WHERE run_id = @run ORDER BY time", connection);
        command.Parameters.AddWithValue("run", runId);
        var steps = new List<(DateTimeOffset, decimal, (decimal, decimal, decimal, decimal, decimal))>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            var bar = JsonDocument.Parse(reader.GetString(1)).RootElement.GetProperty("bars")[0];
            decimal D(string name) => bar.GetProperty(name).GetDecimal();
            steps.Add((new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), D("close"), (D("open"), D("high"), D("low"), D("close"), D("volume"))));
        }

        return steps;
    }
}
