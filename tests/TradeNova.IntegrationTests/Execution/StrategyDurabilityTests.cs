using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Execution;

[Collection(ExecutionCollection.Name)]
public sealed class StrategyDurabilityTests(ExecutionFixture fixture)
{
    /// <summary>
    /// Execution dies while Risk decides a strategy's order (the step and its signal are written, the order is in
    /// pending_risk). After the restart the run is taken over, its steps replayed, the half-done step carried out again
    /// with the same idempotency key — which finds the order already there — and the run goes on trading bar by bar.
    /// </summary>
    [Fact]
    public async Task A_run_survives_a_crash_of_Execution_and_no_order_is_sent_twice()
    {
        var held = new TaskCompletionSource<CheckOrderRisk>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runSymbol = "PEP";
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, async request =>
        {
            if (request.Symbol == runSymbol && held.TrySetResult(request))
            {
                return null; // Execution dies waiting for this answer
            }

            return await ExecutionTestBus.Approve()(request);
        });
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var runId = (await execution.StartOkAsync(token, StrategyApiCalls.Start(StrategyApiCalls.EveryBar(runSymbol)))).Id();

        CheckOrderRisk check;
        try
        {
            check = await held.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            await fixture.Execution.KillAsync();
            (await fixture.ScalarAsync<string>("SELECT status FROM execution.orders WHERE id = @id", ("id", check.OrderId))).ShouldBe("pending_risk");
            (await fixture.ScalarAsync<bool>("SELECT completed FROM execution.strategy_steps WHERE run_id = @run ORDER BY time LIMIT 1", ("run", runId)))
                .ShouldBeFalse("the step was written before its order was placed, and never finished");
        }
        finally
        {
            await fixture.RestartExecutionAsync();
        }

        // The held order is re-checked by the recovery sweep once it is older than Risk's timeout; until it fills the
        // strategy (flat, an order pending) decides nothing, then it goes on: sell, buy, ...
        await fixture.WaitForPlacedSignalsAsync(runId, 4);
        await execution.StopOkAsync(token, runId);
        await execution.WaitForStatusAsync(token, check.OrderId, "filled");

        var signals = await fixture.SignalsAsync(runId);
        var orders = await fixture.RunOrdersAsync(runId);
        var placed = signals.Where(s => s.Status == "placed").ToList();
        placed.Count.ShouldBeGreaterThanOrEqualTo(4);
        placed.ShouldAllBe(s => s.OrderId != null);
        // An exit decided while the previous exit was still on its way finds nothing left to close and sends nothing.
        signals.Except(placed).ShouldAllBe(s => s.Status == "skipped" && s.Side == "sell" && s.OrderId == null);
        orders.Count.ShouldBe(placed.Count, "one order per placed signal: nothing re-sent");
        orders.Select(o => o.Key).ShouldBe(placed.Select(s => (string?)s.Key), ignoreOrder: true);
        orders.Select(o => o.Id).ShouldBe(placed.Select(s => s.OrderId!.Value), ignoreOrder: true);
        signals.First().OrderId.ShouldBe(check.OrderId, "the order placed before the crash is the first signal's");
        // The strategy's state survived: it went on alternating buy/sell from where it was.
        placed.Select(s => s.Side).ShouldBe(placed.Select((_, i) => i % 2 == 0 ? "buy" : "sell"));
    }

    /// <summary>
    /// Two Execution instances share the database: a run is driven by one of them (each bar decided once, each
    /// signal one order); when the second instance dies the run's lease lapses and the survivor carries on.
    /// </summary>
    [Fact]
    public async Task Two_Execution_instances_drive_a_run_once_and_the_survivor_takes_it_over()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        await using var second = await fixture.StartSecondExecutionAsync();
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var runId = (await execution.StartOkAsync(token, StrategyApiCalls.Start(StrategyApiCalls.EveryBar("KO")))).Id();

        await fixture.WaitForPlacedSignalsAsync(runId, 3);
        await second.KillAsync();
        var afterKill = (await fixture.SignalsAsync(runId)).Count;
        await fixture.WaitForPlacedSignalsAsync(runId, afterKill + 2);
        await execution.StopOkAsync(token, runId);

        var steps = await fixture.RowsAsync("SELECT time FROM execution.strategy_steps WHERE run_id = @run ORDER BY time",
            r => r.GetDateTime(0), ("run", runId));
        var signals = await fixture.SignalsAsync(runId);
        var orders = await fixture.RunOrdersAsync(runId);
        steps.Distinct().Count().ShouldBe(steps.Count, "each bar decided once");
        signals.GroupBy(s => s.Time).ShouldAllBe(g => g.Count() == 1, "at most one order per bar for this strategy, never two");
        var placed = signals.Where(s => s.Status == "placed").ToList();
        // An exit decided while the previous exit was still on its way (a loaded machine, 5 s bars) finds nothing left
        // to close and sends nothing.
        signals.Except(placed).ShouldAllBe(s => s.Status == "skipped" && s.Side == "sell" && s.OrderId == null);
        orders.Count.ShouldBe(placed.Count, "one order per placed signal");
        orders.Select(o => o.Key).Distinct().Count().ShouldBe(orders.Count);
        placed.Select(s => s.Side).ShouldBe(placed.Select((_, i) => i % 2 == 0 ? "buy" : "sell"));
        await Poll.UntilAsync(async () => (await fixture.RunOrdersAsync(runId)).All(o => o.Status is "filled"), ExecutionApiCalls.EventualConsistency, "all filled");
    }
}
