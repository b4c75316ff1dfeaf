using System.Net;
using System.Text;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Backtests;

[Collection(PlatformCollection.Name)]
public class BacktestLabTests(PlatformFixture platform)
{
    [Fact]
    public async Task Comparison_puts_strategies_and_buy_and_hold_side_by_side_on_one_date_axis()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var request = new
        {
            risk = new { enabled = false },
            strategies = new object[]
            {
                new { name = "sma-crossover", label = "SMA 10/30", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
                new { name = "ema-crossover", label = "EMA 12/26", parameters = new { symbol = "SPX", fastPeriod = 12, slowPeriod = 26 } },
            },
        };

        var detail = await gateway.WaitForJobAsync(user, await gateway.SubmitAsync(user, request, "/api/v1/backtests/comparisons"));

        detail.Status().ShouldBe("succeeded", detail.ToString());
        var comparison = detail.GetProperty("result").GetProperty("comparison");
        var dates = comparison.GetProperty("dates").GetArrayLength();
        var entries = comparison.GetProperty("entries").EnumerateArray().ToArray();
        entries.Select(e => e.GetProperty("label").GetString()).ShouldBe(["SMA 10/30", "EMA 12/26", "Buy and hold"]);
        entries.ShouldAllBe(e => e.GetProperty("equity").GetArrayLength() == dates);
        entries[0].GetProperty("finalEquity").GetDecimal().ShouldBe(164_421.015164m);
        entries[2].GetProperty("isBenchmark").GetBoolean().ShouldBeTrue();
        entries[2].GetProperty("statistics").GetProperty("tradeCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Optimisation_ranks_a_two_parameter_grid_and_returns_its_surface_and_walk_forward_windows()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var request = new
        {
            strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
            risk = new { enabled = false },
            optimization = new
            {
                parameters = new object[] { new { name = "fastPeriod", min = 5, max = 25, step = 5 }, new { name = "slowPeriod", min = 30, max = 90, step = 20 } },
                objective = "total_return",
                constraints = new object[] { new { metric = "max_drawdown", op = "<", value = 0.6 } },
                walkForward = new { inSampleBars = 1000, outOfSampleBars = 500 },
            },
        };

        var detail = await gateway.WaitForJobAsync(user, await gateway.SubmitAsync(user, request, "/api/v1/backtests/optimizations"));

        detail.Status().ShouldBe("succeeded", detail.ToString());
        var result = detail.GetProperty("result");
        result.GetProperty("evaluated").GetInt32().ShouldBe(20);
        var surface = result.GetProperty("surface");
        surface.GetProperty("x").GetString().ShouldBe("fastPeriod");
        surface.GetProperty("xValues").GetArrayLength().ShouldBe(5);
        surface.GetProperty("yValues").GetArrayLength().ShouldBe(4);
        var top = result.GetProperty("top").EnumerateArray().ToArray();
        top[0].GetProperty("rank").GetInt32().ShouldBe(1);
        var scores = top.Select(t => t.GetProperty("score").GetDouble()).ToArray();
        scores.ShouldBe(scores.OrderByDescending(s => s).ToArray());
        result.GetProperty("bestRun").GetProperty("statistics").GetProperty("totalReturn").GetDouble().ShouldBe(scores[0], 1e-12);
        var windows = result.GetProperty("walkForward").GetProperty("windows").EnumerateArray().ToArray();
        windows.Length.ShouldBe((5105 - 1000) / 500);
        for (var i = 1; i < windows.Length; i++)
        {
            windows[i].GetProperty("outOfSampleStart").GetDateTimeOffset().ShouldBeGreaterThan(windows[i - 1].GetProperty("outOfSampleEnd").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task Optimisation_exports_its_best_runs_trades_and_equity_as_csv()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var request = new
        {
            strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
            risk = new { enabled = false },
            optimization = new { parameters = new object[] { new { name = "fastPeriod", min = 5, max = 15, step = 5 } }, objective = "sharpe" },
        };
        var id = await gateway.SubmitAsync(user, request, "/api/v1/backtests/optimizations");
        var detail = await gateway.WaitForJobAsync(user, id);
        detail.Status().ShouldBe("succeeded", detail.ToString());
        var best = detail.GetProperty("result").GetProperty("bestRun");

        // The best run is stored once, inside the payload; the exports read it from there.
        var (tradesStatus, trades) = await gateway.SendAsync(HttpMethod.Get, $"/api/v1/backtests/{id}/trades.csv", user);
        var (equityStatus, equity) = await gateway.SendAsync(HttpMethod.Get, $"/api/v1/backtests/{id}/equity.csv", user);

        tradesStatus.ShouldBe(HttpStatusCode.OK);
        trades.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(best.GetProperty("trades").GetArrayLength() + 1);
        equityStatus.ShouldBe(HttpStatusCode.OK);
        var equityLines = equity.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        equityLines.Length.ShouldBe(best.GetProperty("equity").GetArrayLength() + 1);
        var last = best.GetProperty("equity")[best.GetProperty("equity").GetArrayLength() - 1].GetProperty("equity").GetDecimal();
        equityLines[^1].Split(',')[1].ShouldBe(last.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Uploaded_csv_is_validated_by_line_and_then_used_only_in_its_owners_backtests()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var bad = "date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,1000\n2020-01-03,10,9,11,10,1000\n";
        var good = new StringBuilder("date,open,high,low,close,volume\n");
        var day = new DateOnly(2020, 1, 1);
        for (var i = 0; i < 300; i++)
        {
            do day = day.AddDays(1); while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            var price = 100 + (i % 40) - (i % 7);
            good.Append($"{day:yyyy-MM-dd},{price},{price + 2},{price - 2},{price + 1},10000\n");
        }

        var (badStatus, badProblem) = await gateway.PostAsync("/api/v1/backtests/data", user, new { symbol = "MYCO", fileName = "myco.csv", csv = bad });
        var (goodStatus, _) = await gateway.PostAsync("/api/v1/backtests/data", user, new { symbol = "MYCO", fileName = "myco.csv", csv = good.ToString() });
        var request = new { strategy = new { name = "sma-crossover", parameters = new { symbol = "MYCO", fastPeriod = 5, slowPeriod = 20 } }, risk = new { enabled = false } };
        var mine = await gateway.WaitForJobAsync(user, await gateway.SubmitAsync(user, request));
        var stranger = await gateway.NewUserAsync();
        var theirs = await gateway.WaitForJobAsync(stranger, await gateway.SubmitAsync(stranger, request));

        badStatus.ShouldBe(HttpStatusCode.BadRequest);
        badProblem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain("csv.line3");
        goodStatus.ShouldBe(HttpStatusCode.Created);
        mine.Status().ShouldBe("succeeded", mine.ToString());
        mine.GetProperty("job").GetProperty("dataSummary").GetString()!.ShouldContain("your CSV upload");
        mine.GetProperty("job").GetProperty("usesSyntheticData").GetBoolean().ShouldBeFalse();
        mine.GetProperty("result").GetProperty("equity").GetArrayLength().ShouldBe(300);
        theirs.GetProperty("job").GetProperty("usesSyntheticData").GetBoolean().ShouldBeTrue();
        theirs.GetProperty("job").GetProperty("assumptions").GetString()!.ShouldContain("SYNTHETIC data for MYCO");
    }

    [Fact]
    public async Task Cancelling_a_running_optimisation_stops_it()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var id = await gateway.SubmitAsync(user, BacktestCalls.SlowWalkForward(), "/api/v1/backtests/optimizations");
        await Infrastructure.Poll.UntilAsync(() => gateway.GetJobAsync(user, id), d => d.Status() == "running", BacktestCalls.JobTimeout, "running");

        var (status, _) = await gateway.SendAsync(HttpMethod.Post, $"/api/v1/backtests/{id}/cancel", user);
        var detail = await gateway.WaitForJobAsync(user, id);

        status.ShouldBe(HttpStatusCode.Accepted);
        detail.Status().ShouldBe("cancelled");
        detail.GetProperty("result").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }
}
