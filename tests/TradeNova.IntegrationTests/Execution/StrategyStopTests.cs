using TradeNova.Contracts.Billing;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Identity;

namespace TradeNova.IntegrationTests.Execution;

[Collection(ExecutionCollection.Name)]
public sealed class StrategyStopTests(ExecutionFixture fixture)
{
    private static readonly object Strategy = new { name = "sma-crossover", parameters = new { symbol = "KO", fastPeriod = 5, slowPeriod = 20 } };

    [Fact]
    public async Task The_kill_switch_stops_every_strategy_of_the_halted_account_as_kill_switch()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri);
        using var execution = fixture.CreateExecutionClient();
        using var identity = fixture.CreateIdentityClient();
        var account = await identity.NewAccountAsync("killed");
        var token = (await identity.LoginAsync(account)).AccessToken;
        var first = (await execution.StartOkAsync(token, new { strategy = Strategy, allocation = 100m, account = "paper" })).Id();
        var second = (await execution.StartOkAsync(token, new { strategy = Strategy, allocation = 200m, account = "paper" })).Id();

        await bus.PublishAsync(new TradingHalted(account.UserId, "risk.kill_switch", "Operator kill switch", DateTimeOffset.UtcNow, null, "paper"));

        foreach (var id in new[] { first, second })
        {
            var run = (await execution.WaitForStopAsync(token, id)).GetProperty("run");
            run.GetProperty("stopReason").GetString().ShouldBe("kill-switch");
            run.GetProperty("stopDetail").GetString()!.ShouldContain("Operator kill switch");
        }
    }

    [Fact]
    public async Task A_drawdown_halt_stops_the_accounts_strategies_as_risk_halt()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri);
        using var execution = fixture.CreateExecutionClient();
        using var identity = fixture.CreateIdentityClient();
        var account = await identity.NewAccountAsync("drawdown");
        var bystander = await fixture.NewTraderAsync();
        var token = (await identity.LoginAsync(account)).AccessToken;
        var id = (await execution.StartOkAsync(token, new { strategy = Strategy, allocation = 100m, account = "paper" })).Id();
        var untouched = (await execution.StartOkAsync(bystander, new { strategy = Strategy, allocation = 100m, account = "paper" })).Id();

        await bus.PublishAsync(new TradingHalted(account.UserId, "risk.drawdown_halt", "Drawdown 16% from peak", DateTimeOffset.UtcNow, null, "paper"));

        (await execution.WaitForStopAsync(token, id)).GetProperty("run").GetProperty("stopReason").GetString().ShouldBe("risk-halt");
        (await execution.RunAsync(bystander, untouched)).GetProperty("run").Status().ShouldBe("running", "another user's halt stops nothing of theirs");
        await execution.StopOkAsync(bystander, untouched);
    }

    [Fact]
    public async Task A_lapsed_subscription_stops_the_users_strategies()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri);
        using var execution = fixture.CreateExecutionClient();
        using var identity = fixture.CreateIdentityClient();
        var account = await identity.NewAccountAsync("lapsed-strategy");
        var token = (await identity.LoginAsync(account)).AccessToken;
        var id = (await execution.StartOkAsync(token, new { strategy = Strategy, allocation = 100m, account = "paper" })).Id();

        await bus.PublishAsync(new SubscriptionDeactivated(account.UserId, "pro", "unpaid", "payment failed", DateTimeOffset.UtcNow));

        var run = (await execution.WaitForStopAsync(token, id)).GetProperty("run");
        run.GetProperty("stopReason").GetString().ShouldBe("subscription-lapsed");
    }
}
