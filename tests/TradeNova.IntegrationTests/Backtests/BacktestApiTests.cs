using System.Net;
using System.Text.Json;
using Npgsql;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Backtests;

[Collection(PlatformCollection.Name)]
public class BacktestApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Sma_10_30_crossover_through_the_gateway_reproduces_the_engine_final_equity_to_the_cent()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();

        var id = await gateway.SubmitAsync(user, BacktestCalls.SmaReferenceRequest());
        var detail = await gateway.WaitForJobAsync(user, id);

        detail.Status().ShouldBe("succeeded", detail.ToString());
        var result = detail.GetProperty("result");
        var finalEquity = result.GetProperty("finalEquity").GetDecimal();
        finalEquity.ShouldBe(164_421.015164m);
        decimal.Round(finalEquity, 2).ShouldBe(164_421.02m);
        result.GetProperty("statistics").GetProperty("endEquity").GetDecimal().ShouldBe(finalEquity);
        result.GetProperty("trades").GetArrayLength().ShouldBeGreaterThan(50);
        result.GetProperty("equity").GetArrayLength().ShouldBe(5105);
        var job = detail.GetProperty("job");
        job.GetProperty("usesSyntheticData").GetBoolean().ShouldBeFalse();
        job.GetProperty("dataSummary").GetString()!.ShouldContain("S&P 500");
        job.GetProperty("assumptions").GetString()!.ShouldContain("next bar's open");
        job.GetProperty("assumptions").GetString()!.ShouldContain("risk rules off");
        job.GetProperty("engineVersion").GetString()!.ShouldStartWith("TradeNova.Trading");
        detail.GetProperty("request").GetProperty("strategy").GetProperty("parameters").GetProperty("slowPeriod").GetInt32().ShouldBe(30);
    }

    [Fact]
    public async Task Stored_request_run_again_gives_an_identical_result()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var request = new
        {
            strategy = new { name = "rsi-mean-reversion", parameters = new { symbol = "SPX", period = 14, oversold = 30, overbought = 70 } },
            commission = new { perShare = 0.005, minimumPerOrder = 1 },
            slippage = new { bps = 5 },
        };
        var first = await gateway.WaitForJobAsync(user, await gateway.SubmitAsync(user, request));

        var (status, again) = await gateway.PostAsync($"/api/v1/backtests/{first.GetProperty("job").GetProperty("id").GetGuid()}/rerun", user, new { });
        status.ShouldBe(HttpStatusCode.Accepted);
        var second = await gateway.WaitForJobAsync(user, again.GetProperty("id").GetGuid());

        first.Status().ShouldBe("succeeded", first.ToString());
        second.Status().ShouldBe("succeeded");
        second.GetProperty("result").GetRawText().ShouldBe(first.GetProperty("result").GetRawText());
        second.GetProperty("request").GetRawText().ShouldBe(first.GetProperty("request").GetRawText());
        first.GetProperty("job").GetProperty("assumptions").GetString()!.ShouldContain("platform risk rules on");
    }

    [Fact]
    public async Task Invalid_request_gets_400_naming_each_bad_field_and_stores_nothing()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var invalid = new
        {
            initialCash = -5,
            start = "2010-01-01",
            end = "2009-01-01",
            strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 0, slowPeriod = 30 } },
            sizing = new { mode = "everything" },
            slippage = new { bps = -1 },
            risk = new { maxPositionFraction = 2, disabled = new[] { "seatbelt" } },
        };
        var rules = new
        {
            strategy = new
            {
                name = "rules",
                parameters = new
                {
                    symbols = new[] { "SPX" },
                    entry = new { all = new object[] { new { op = ">", left = "close", right = new { indicator = "sma", period = 0 } } } },
                    exit = new { op = "<", left = "close", right = 1 },
                    sizing = new { fractionOfEquity = 1 },
                },
            },
        };

        var (status, problem) = await gateway.PostAsync("/api/v1/backtests", user, invalid);
        var (rulesStatus, rulesProblem) = await gateway.PostAsync("/api/v1/backtests", user, rules);
        var (typoStatus, typoProblem) = await gateway.PostAsync("/api/v1/backtests", user, new { comission = new { perShare = 1 } });

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/validation");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        fields.ShouldContain("initialCash");
        fields.ShouldContain("end");
        fields.ShouldContain("strategy.parameters.fastPeriod");
        fields.ShouldContain("sizing.mode");
        fields.ShouldContain("slippage.bps");
        fields.ShouldContain("risk.maxPositionFraction");
        fields.ShouldContain("risk.disabled[0]");
        rulesStatus.ShouldBe(HttpStatusCode.BadRequest);
        rulesProblem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain("strategy.parameters.entry.all[0].right.period");
        typoStatus.ShouldBe(HttpStatusCode.BadRequest);
        typoProblem.GetProperty("errors").ToString().ShouldContain("comission");

        var (listStatus, list) = await gateway.SendAsync(HttpMethod.Get, "/api/v1/backtests", user);
        listStatus.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(list).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Another_users_backtest_is_404_for_reading_exporting_and_deleting()
    {
        using var gateway = BacktestCalls.Client(platform);
        var owner = await gateway.NewUserAsync();
        var stranger = await gateway.NewUserAsync();
        var id = await gateway.SubmitAsync(owner, BacktestCalls.SmaReferenceRequest());
        await gateway.WaitForJobAsync(owner, id);

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"/api/v1/backtests/{id}"),
            (HttpMethod.Get, $"/api/v1/backtests/{id}/trades.csv"),
            (HttpMethod.Get, $"/api/v1/backtests/{id}/equity.csv"),
            (HttpMethod.Post, $"/api/v1/backtests/{id}/cancel"),
            (HttpMethod.Delete, $"/api/v1/backtests/{id}"),
        })
        {
            var (status, body) = await gateway.SendAsync(method, path, stranger);
            status.ShouldBe(HttpStatusCode.NotFound, $"{method} {path}");
            body.ShouldNotContain(owner.UserId.ToString());
        }

        (await gateway.SendAsync(HttpMethod.Post, $"/api/v1/backtests/{id}/rerun", stranger)).Status.ShouldBe(HttpStatusCode.NotFound);
        var (ownerStatus, trades) = await gateway.SendAsync(HttpMethod.Get, $"/api/v1/backtests/{id}/trades.csv", owner);
        ownerStatus.ShouldBe(HttpStatusCode.OK);
        trades.Split('\n')[0].ShouldStartWith("strategy,symbol,quantity,entry_time");
        var (_, equity) = await gateway.SendAsync(HttpMethod.Get, $"/api/v1/backtests/{id}/equity.csv", owner);
        equity.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(5106);
        (await gateway.SendAsync(HttpMethod.Delete, $"/api/v1/backtests/{id}", owner)).Status.ShouldBe(HttpStatusCode.NoContent);
        (await gateway.SendAsync(HttpMethod.Get, $"/api/v1/backtests/{id}", owner)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Quota_breaches_are_429_for_concurrent_jobs_and_403_for_an_oversized_optimisation()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var oversized = new
        {
            strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 10, slowPeriod = 30 } },
            optimization = new { parameters = new object[] { new { name = "fastPeriod", min = 1, max = 100, step = 1 }, new { name = "slowPeriod", min = 101, max = 200, step = 1 } } },
        };

        var (tooLarge, tooLargeProblem) = await gateway.PostAsync("/api/v1/backtests/optimizations", user, oversized);
        // Walk-forward jobs, so both are surely still queued or running when the third arrives: the plain grid can
        // now finish in about a second.
        var first = await gateway.SubmitAsync(user, BacktestCalls.SlowWalkForward(), "/api/v1/backtests/optimizations");
        var second = await gateway.SubmitAsync(user, BacktestCalls.SlowWalkForward(), "/api/v1/backtests/optimizations");
        var (third, thirdProblem) = await gateway.PostAsync("/api/v1/backtests", user, BacktestCalls.SmaReferenceRequest());

        tooLarge.ShouldBe(HttpStatusCode.Forbidden);
        tooLargeProblem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/optimization-too-large");
        third.ShouldBe(HttpStatusCode.TooManyRequests, thirdProblem.ToString());
        thirdProblem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/backtest-quota");
        thirdProblem.GetProperty("detail").GetString()!.ShouldContain("at most 2 at once");

        await gateway.SendAsync(HttpMethod.Post, $"/api/v1/backtests/{first}/cancel", user);
        await gateway.SendAsync(HttpMethod.Post, $"/api/v1/backtests/{second}/cancel", user);
        (await gateway.WaitForJobAsync(user, first)).Status().ShouldBeOneOf("cancelled", "succeeded");
        (await gateway.WaitForJobAsync(user, second)).Status().ShouldBeOneOf("cancelled", "succeeded");
    }

    [Fact]
    public async Task Killing_Backtest_mid_job_and_restarting_it_completes_the_job_exactly_once()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        // A walk-forward job: the whole-history grid alone now finishes about a second after it starts on an idle
        // machine, too soon to be sure of killing it mid-run.
        var id = await gateway.SubmitAsync(user, BacktestCalls.SlowWalkForward(outOfSampleBars: 250), "/api/v1/backtests/optimizations");
        await Infrastructure.Poll.UntilAsync(
            () => gateway.GetJobAsync(user, id),
            detail => detail.Status() == "running" && detail.GetProperty("job").GetProperty("progress").GetDouble() > 0,
            BacktestCalls.JobTimeout,
            "the optimisation is running");

        await platform.KillAsync("backtest");
        await platform.RestartAsync("backtest");
        var detail = await gateway.WaitForJobAsync(user, id, TimeSpan.FromMinutes(5));

        detail.Status().ShouldBe("succeeded", detail.ToString());
        detail.GetProperty("result").GetProperty("evaluated").GetInt32().ShouldBe(79 * 39);
        await using var connection = new NpgsqlConnection(platform.Infrastructure.Database.ConnectionStringFor("backtest"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        (await ScalarAsync(connection, "SELECT attempts FROM backtest.jobs WHERE id = @id", id)).ShouldBe(2);
        (await ScalarAsync(connection, "SELECT count(*) FROM backtest.job_results WHERE backtest_id = @id", id)).ShouldBe(1L);
        (await ScalarAsync(connection, "SELECT count(*) FROM backtest.outbox_messages WHERE body::jsonb ->> 'backtestId' = @id::text AND message_type LIKE 'TradeNova.Contracts.Backtest.BacktestCompleted%'", id)).ShouldBe(1L);
    }

    [Fact]
    public async Task Progress_streams_live_until_the_job_finishes()
    {
        using var gateway = BacktestCalls.Client(platform);
        var user = await gateway.NewUserAsync();
        var id = await gateway.SubmitAsync(user, BacktestCalls.LongOptimization(fastMax: 20, slowMax: 200), "/api/v1/backtests/optimizations");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/backtests/{id}/events");
        request.Headers.Authorization = new("Bearer", user.AccessToken);
        using var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var events = new List<JsonElement>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                events.Add(JsonDocument.Parse(line[6..]).RootElement.Clone());
        }

        events.Last().GetProperty("status").GetString().ShouldBe("succeeded");
        events.Last().GetProperty("progress").GetDouble().ShouldBe(1.0);
        events.Select(e => e.GetProperty("progress").GetDouble()).ShouldBeInOrder();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync();
    }
}
