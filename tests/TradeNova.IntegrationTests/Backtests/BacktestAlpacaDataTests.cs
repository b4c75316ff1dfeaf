using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.IntegrationTests.Alpaca;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Backtests;

/// <summary>
/// Backtests on Alpaca historical bars through the platform: the gateway, Backtest, Execution (the only holder of the
/// user's keys) and the loopback Alpaca that plays the bars back, page by page.
/// </summary>
[Collection(PlatformCollection.Name)]
public class BacktestAlpacaDataTests(PlatformFixture platform)
{
    private const string Secret = "sEcReT-lab-alpaca-3Kd9Pw";

    [Fact]
    public async Task Backtest_on_alpaca_bars_runs_on_exactly_the_played_bars_and_a_second_run_reads_the_cache()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var keyId = await ConnectAlpacaAsync(gateway, user);
        var symbol = $"Q{Guid.NewGuid():N}"[..6].ToUpperInvariant();
        var closes = Enumerable.Range(0, 40).Select(i => 101m + i * 0.75m + (i % 3 == 0 ? -1.5m : 0m)).ToArray();
        var played = FakeBar.Daily(new DateOnly(2025, 1, 6), closes);
        platform.Alpaca.PlayBars(symbol, played);
        var request = AlpacaRequest(symbol, "2025-01-06", played[^1].Time.ToString("yyyy-MM-dd"));

        var first = await gateway.WaitForJobAsync(user, await gateway.SubmitAsync(user, request));
        var fetches = platform.Alpaca.BarRequestsFor(symbol).Count;
        var second = await gateway.WaitForJobAsync(user, await gateway.SubmitAsync(user, request));

        first.Status().ShouldBe("succeeded", first.ToString());
        var equity = first.GetProperty("result").GetProperty("equity").EnumerateArray().Select(e => e.GetProperty("time").GetDateTimeOffset()).ToList();
        equity.ShouldBe(played.Select(b => new DateTimeOffset(b.Time.UtcDateTime.Date, TimeSpan.Zero)).ToList(), "one equity point per played bar, on its day");
        // Bought whole shares at the second played bar's open and held: the last day's equity change is shares × the
        // played close change, and the final equity is the cash left plus the shares at the last played close.
        var values = first.GetProperty("result").GetProperty("equity").EnumerateArray().Select(e => e.GetProperty("equity").GetDecimal()).ToList();
        var shares = (values[^1] - values[^2]) / (closes[^1] - closes[^2]);
        shares.ShouldBeGreaterThan(0m);
        shares.ShouldBe(decimal.Floor(shares));
        first.GetProperty("result").GetProperty("finalEquity").GetDecimal().ShouldBe(100_000m - shares * played[1].Open + shares * closes[^1]);

        var job = first.GetProperty("job");
        job.GetProperty("usesSyntheticData").GetBoolean().ShouldBeFalse();
        job.GetProperty("dataSummary").GetString()!.ShouldContain("Alpaca");
        fetches.ShouldBe((int)Math.Ceiling(played.Length / (double)platform.Alpaca.BarsPageSize), "every page fetched once");
        platform.Alpaca.BarRequestsFor(symbol).ShouldAllBe(r => r.KeyId == keyId, "the user's own keys");
        second.Status().ShouldBe("succeeded", second.ToString());
        second.GetProperty("result").GetRawText().ShouldBe(first.GetProperty("result").GetRawText());
        platform.Alpaca.BarRequestsFor(symbol).Count.ShouldBe(fetches, "the second run reads the cache, not Alpaca");
    }

    [Fact]
    public async Task Backtest_on_alpaca_15_minute_bars_trades_within_the_day_at_the_bars_own_times()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        await ConnectAlpacaAsync(gateway, user);
        var symbol = $"M{Guid.NewGuid():N}"[..6].ToUpperInvariant();
        var open = new DateTimeOffset(2025, 3, 3, 14, 30, 0, TimeSpan.Zero);
        var played = Enumerable.Range(0, 30)
            .Select(i => (Time: open.AddDays(i / 15).AddMinutes(15 * (i % 15)), Close: 50m + i * 0.25m))
            .Select(b => new FakeBar(b.Time, b.Close - 0.1m, b.Close + 0.2m, b.Close - 0.3m, b.Close, 5_000m))
            .ToArray();
        platform.Alpaca.PlayBars(symbol, played);
        var request = new
        {
            start = "2025-03-03",
            end = "2025-03-04",
            strategy = new { name = "buy-and-hold", parameters = new { symbols = new[] { symbol } } },
            sizing = new { mode = "all-cash" },
            risk = new { enabled = false },
            data = new { source = "alpaca", timeframe = "15Min" },
        };

        var run = await gateway.WaitForJobAsync(user, await gateway.SubmitAsync(user, request));

        run.Status().ShouldBe("succeeded", run.ToString());
        var points = run.GetProperty("result").GetProperty("equity").EnumerateArray()
            .Select(e => (Time: e.GetProperty("time").GetDateTimeOffset(), Equity: e.GetProperty("equity").GetDecimal())).ToList();
        points.Select(p => p.Time).ShouldBe([played[14].Time, played[29].Time], "equity at each day's last 15-minute bar");
        // Bought at the second 15-minute bar's open (a daily run would have bought the second day) and held to the last close.
        var shares = (points[1].Equity - points[0].Equity) / (played[29].Close - played[14].Close);
        shares.ShouldBeGreaterThan(0m);
        shares.ShouldBe(decimal.Floor(shares));
        points[1].Equity.ShouldBe(100_000m - shares * played[1].Open + shares * played[29].Close);
        platform.Alpaca.BarRequestsFor(symbol).ShouldAllBe(r => r.Query["timeframe"] == "15Min");
    }

    [Fact]
    public async Task Backtest_on_alpaca_bars_without_keys_is_a_422_and_creates_no_job()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();

        var (status, problem) = await gateway.PostAsync("/api/v1/backtests", user, AlpacaRequest("AAPL", "2025-01-06", "2025-03-31"));
        var (listed, jobs) = await gateway.SendAsync(HttpMethod.Get, "/api/v1/backtests", user);

        status.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/broker-not-connected");
        listed.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(jobs).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Backtest_on_alpaca_bars_with_keys_alpaca_now_refuses_is_a_422_keys_rejected_and_creates_no_job()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var keyId = await ConnectAlpacaAsync(gateway, user);
        platform.Alpaca.Keys.TryRemove(keyId, out _); // revoked at Alpaca after they were connected

        var (status, problem) = await gateway.PostAsync("/api/v1/backtests", user, AlpacaRequest("MSFT", "2025-01-06", "2025-03-31"));
        var (_, jobs) = await gateway.SendAsync(HttpMethod.Get, "/api/v1/backtests", user);

        status.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/broker-credentials-rejected");
        JsonDocument.Parse(jobs).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Alpaca_source_without_a_start_or_with_another_timeframe_is_a_400_naming_the_fields()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var request = new
        {
            strategy = new { name = "buy-and-hold", parameters = new { symbols = new[] { "AAPL" } } },
            data = new { source = "alpaca", timeframe = "1Week" },
        };

        var (status, problem) = await gateway.PostAsync("/api/v1/backtests", user, request);

        status.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["data.timeframe", "start"], ignoreOrder: true);
    }

    private static object AlpacaRequest(string symbol, string start, string end) => new
    {
        name = "on Alpaca bars",
        start,
        end,
        strategy = new { name = "buy-and-hold", parameters = new { symbols = new[] { symbol } } },
        sizing = new { mode = "all-cash" },
        risk = new { enabled = false },
        data = new { source = "alpaca", timeframe = "1Day" },
    };

    /// <summary>Gives the fake Alpaca a fresh key pair and connects it as the user's paper account, through the gateway.</summary>
    private async Task<string> ConnectAlpacaAsync(HttpClient gateway, PlatformUser user)
    {
        var keyId = $"PKLAB{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        platform.Alpaca.Keys[keyId] = Secret;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/broker/connection")
        {
            Content = JsonContent.Create(new { broker = "alpaca", environment = "paper", keyId, secretKey = Secret }),
        };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        using var response = await gateway.SendAsync(put);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return keyId;
    }
}
