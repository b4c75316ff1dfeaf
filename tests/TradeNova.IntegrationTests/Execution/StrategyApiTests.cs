using System.Net;
using System.Text.Json;
using TradeNova.Contracts.Portfolio;
using TradeNova.IntegrationTests.Identity;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Execution;

[Collection(ExecutionCollection.Name)]
public sealed class StrategyApiTests(ExecutionFixture fixture)
{
    [Fact]
    public async Task A_user_starts_lists_reads_and_stops_strategies_and_sees_only_their_own()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var other = await fixture.NewTraderAsync();

        using (var catalog = await execution.SendAsync(HttpMethod.Get, "/api/v1/strategies/catalog", token))
        {
            var body = await ExecutionApiCalls.ReadAsync(catalog, HttpStatusCode.OK, "catalog");
            body.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty("name").GetString())
                .ShouldContain("sma-crossover");
            body.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldContain("rules");
        }

        var run = await execution.StartOkAsync(token, new
        {
            name = "My crossover",
            strategy = new { name = "sma-crossover", parameters = new { symbol = "AAPL", fastPeriod = 2, slowPeriod = 4 } },
            allocation = 1_000m,
            account = "paper",
            barSeconds = 5,
        });
        var id = run.Id();
        run.Status().ShouldBe("running");
        run.GetProperty("name").GetString().ShouldBe("My crossover");
        run.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()).ShouldBe(["AAPL"]);
        run.GetProperty("strategy").GetProperty("parameters").GetProperty("fastPeriod").GetInt32().ShouldBe(2);
        run.GetProperty("stopReason").ValueKind.ShouldBe(JsonValueKind.Null);
        run.GetProperty("pnl").GetProperty("net").GetDecimal().ShouldBe(0m);

        using (var list = await execution.SendAsync(HttpMethod.Get, "/api/v1/strategies", token))
        {
            (await ExecutionApiCalls.ReadAsync(list, HttpStatusCode.OK, "list")).GetProperty("items").EnumerateArray().Select(r => r.Id()).ShouldBe([id]);
        }

        using (var othersList = await execution.SendAsync(HttpMethod.Get, "/api/v1/strategies", other))
        {
            (await ExecutionApiCalls.ReadAsync(othersList, HttpStatusCode.OK, "other's list")).GetProperty("items").GetArrayLength().ShouldBe(0);
        }

        using (var notYours = await execution.SendAsync(HttpMethod.Get, $"/api/v1/strategies/{id}", other))
        {
            notYours.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var notYoursToStop = await execution.SendAsync(HttpMethod.Post, $"/api/v1/strategies/{id}/stop", other, new { }))
        {
            notYoursToStop.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var details = await execution.WaitForBarsAsync(token, id, 1);
        details.GetProperty("run").GetProperty("lastBarAt").ValueKind.ShouldBe(JsonValueKind.String);
        details.GetProperty("signals").ValueKind.ShouldBe(JsonValueKind.Array);
        details.GetProperty("orders").ValueKind.ShouldBe(JsonValueKind.Array);

        var stopped = await execution.StopOkAsync(token, id);
        stopped.Status().ShouldBe("stopped");
        stopped.GetProperty("stopReason").GetString().ShouldBe("user");
        stopped.GetProperty("stopDetail").GetString().ShouldBe("test over");
        stopped.GetProperty("stoppedAt").ValueKind.ShouldBe(JsonValueKind.String);
        using var again = await execution.SendAsync(HttpMethod.Post, $"/api/v1/strategies/{id}/stop", token, new { });
        var problem = await ExecutionApiCalls.ReadAsync(again, HttpStatusCode.Conflict, "stop twice");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/strategy-not-running");
    }

    [Fact]
    public async Task Invalid_starts_are_400_naming_each_field_and_change_nothing()
    {
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();

        await ShouldNameAsync(execution, token, new { strategy = new { name = "no-such", parameters = new { } }, allocation = 100m, account = "paper" }, "strategy.name");
        await ShouldNameAsync(execution, token,
            new { strategy = new { name = "sma-crossover", parameters = new { symbol = "AAPL", fastPeriod = 0, slowPeriod = 4 } }, allocation = 100m, account = "paper" },
            "strategy.parameters.fastPeriod");
        await ShouldNameAsync(execution, token,
            new { strategy = new { name = "sma-crossover", parameters = new { symbol = "SPX", fastPeriod = 2, slowPeriod = 4 } }, allocation = 100m, account = "paper" },
            "strategy.parameters.symbol");
        var valid = new { name = "sma-crossover", parameters = new { symbol = "AAPL", fastPeriod = 2, slowPeriod = 4 } };
        await ShouldNameAsync(execution, token, new { strategy = valid, allocation = -5m, account = "paper" }, "allocation");
        await ShouldNameAsync(execution, token, new { strategy = valid, allocation = 1_000_000m, account = "paper" }, "allocation");
        await ShouldNameAsync(execution, token, new { strategy = valid, allocation = 100m, account = "margin" }, "account");
        await ShouldNameAsync(execution, token, new { strategy = valid, allocation = 100m, account = "paper", barSeconds = 7 }, "barSeconds");
        await ShouldNameAsync(execution, token, new { strategy = valid, allocation = 100m, account = "paper", sizing = new { mode = "fixed-shares", value = 1.5m } }, "sizing.value");

        using var list = await execution.SendAsync(HttpMethod.Get, "/api/v1/strategies", token);
        (await ExecutionApiCalls.ReadAsync(list, HttpStatusCode.OK, "list")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Live_without_keys_is_422_and_the_sixth_running_strategy_is_409()
    {
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var strategy = new { name = "sma-crossover", parameters = new { symbol = "MSFT", fastPeriod = 5, slowPeriod = 20 } };

        using (var live = await execution.SendAsync(HttpMethod.Post, "/api/v1/strategies", token, new { strategy, allocation = 100m, account = "live" }))
        {
            var problem = await ExecutionApiCalls.ReadAsync(live, HttpStatusCode.UnprocessableEntity, "live without keys");
            problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/broker-not-connected");
        }

        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await execution.StartOkAsync(token, new { strategy, allocation = 100m, account = "paper", barSeconds = 3600 })).Id());
        }

        using (var sixth = await execution.SendAsync(HttpMethod.Post, "/api/v1/strategies", token, new { strategy, allocation = 100m, account = "paper" }))
        {
            var problem = await ExecutionApiCalls.ReadAsync(sixth, HttpStatusCode.Conflict, "sixth");
            problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/strategy-limit-reached");
        }

        await execution.StopOkAsync(token, ids[0]);
        var replacement = await execution.StartOkAsync(token, new { strategy, allocation = 100m, account = "paper" });
        replacement.Status().ShouldBe("running", "a stopped run frees its place");
        foreach (var id in ids.Skip(1).Append(replacement.Id()))
        {
            await execution.StopOkAsync(token, id);
        }
    }

    [Fact]
    public async Task The_allocation_is_bounded_by_the_accounts_latest_equity_from_Portfolio()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri);
        using var execution = fixture.CreateExecutionClient();
        using var identity = fixture.CreateIdentityClient();
        var account = await identity.NewAccountAsync("allocation");
        var token = (await identity.LoginAsync(account)).AccessToken;
        var strategy = new { name = "sma-crossover", parameters = new { symbol = "MSFT", fastPeriod = 5, slowPeriod = 20 } };
        var now = DateTimeOffset.UtcNow;

        // An older valuation, then the newer one (arrival in either order is the batch test's business below).
        await bus.PublishAsync(new PortfolioValued(account.UserId, Guid.NewGuid(), 9_000m, 0m, 9_000m, 0m, 0m, 0, now.AddMinutes(-1), 9_000m, 9_000m, [], "paper"));
        await Poll.UntilAsync(
            async () => await fixture.ScalarAsync<decimal?>("SELECT equity FROM execution.account_equities WHERE user_id = @u AND mode = 'paper'", ("u", account.UserId)) == 9_000m,
            ExecutionApiCalls.EventualConsistency, "the first valuation recorded");
        await bus.PublishAsync(new PortfolioValued(account.UserId, Guid.NewGuid(), 300m, 200m, 500m, 0m, 0m, 1, now, 500m, 500m, [], "paper"));
        await Poll.UntilAsync(
            async () => await fixture.ScalarAsync<decimal?>("SELECT equity FROM execution.account_equities WHERE user_id = @u AND mode = 'paper'", ("u", account.UserId)) == 500m,
            ExecutionApiCalls.EventualConsistency, "the newer valuation replaces it");
        using (var over = await execution.SendAsync(HttpMethod.Post, "/api/v1/strategies", token, new { strategy, allocation = 600m, account = "paper" }))
        {
            (await ExecutionApiCalls.ReadAsync(over, HttpStatusCode.BadRequest, "over the equity")).GetProperty("errors").TryGetProperty("allocation", out _).ShouldBeTrue();
        }

        var run = await execution.StartOkAsync(token, new { strategy, allocation = 500m, account = "paper" });
        await execution.StopOkAsync(token, run.Id());
    }

    [Fact]
    public async Task A_periodic_batch_of_valuations_keeps_each_accounts_newest_equity()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri);
        using var identity = fixture.CreateIdentityClient();
        var first = await identity.NewAccountAsync("batch-a");
        var second = await identity.NewAccountAsync("batch-b");
        var now = DateTimeOffset.UtcNow;
        PortfolioValued Valued(Guid user, decimal equity, DateTimeOffset at) => new(user, Guid.NewGuid(), equity, 0m, equity, 0m, 0m, 0, at, equity, equity, [], "paper");

        await bus.PublishAsync(new PortfoliosValued([Valued(first.UserId, 7_000m, now), Valued(second.UserId, 8_000m, now)]));
        await Poll.UntilAsync(
            async () => await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.account_equities WHERE user_id IN (@a, @b)", ("a", first.UserId), ("b", second.UserId)) == 2,
            ExecutionApiCalls.EventualConsistency, "both accounts' equity from one batch");
        // A later batch with an older valuation of the first account and a newer one of the second.
        await bus.PublishAsync(new PortfoliosValued([Valued(first.UserId, 1m, now.AddMinutes(-1)), Valued(second.UserId, 8_500m, now.AddSeconds(5))]));
        await Poll.UntilAsync(
            async () => await fixture.ScalarAsync<decimal>("SELECT equity FROM execution.account_equities WHERE user_id = @u AND mode = 'paper'", ("u", second.UserId)) == 8_500m,
            ExecutionApiCalls.EventualConsistency, "the newer valuation applied");
        (await fixture.ScalarAsync<decimal>("SELECT equity FROM execution.account_equities WHERE user_id = @u AND mode = 'paper'", ("u", first.UserId)))
            .ShouldBe(7_000m, "an older valuation in a batch changes nothing");

        // Two valuations of one account in one batch, and a single one racing it for a new account: the newest wins.
        var third = await identity.NewAccountAsync("batch-c");
        await Task.WhenAll(
            bus.PublishAsync(new PortfoliosValued([Valued(second.UserId, 9_100m, now.AddSeconds(9)), Valued(second.UserId, 9_000m, now.AddSeconds(8)), Valued(third.UserId, 6_000m, now)])),
            bus.PublishAsync(Valued(third.UserId, 6_500m, now.AddSeconds(1))));
        await Poll.UntilAsync(
            async () => await fixture.ScalarAsync<decimal?>("SELECT equity FROM execution.account_equities WHERE user_id = @u AND mode = 'paper'", ("u", third.UserId)) == 6_500m
                && await fixture.ScalarAsync<decimal>("SELECT equity FROM execution.account_equities WHERE user_id = @u AND mode = 'paper'", ("u", second.UserId)) == 9_100m,
            ExecutionApiCalls.EventualConsistency, "the newest valuation of each account, whichever arrives first");
    }

    private static async Task ShouldNameAsync(HttpClient execution, string token, object body, string field)
    {
        using var response = await execution.SendAsync(HttpMethod.Post, "/api/v1/strategies", token, body);
        var problem = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.BadRequest, $"invalid start naming {field}");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"errors name {field}: {problem}");
    }
}
