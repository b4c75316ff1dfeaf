using System.Net;
using System.Text.Json;
using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Execution;

[Collection(ExecutionCollection.Name)]
public sealed class ExecutionCrashRecoveryTests(ExecutionFixture fixture)
{
    [Fact]
    public async Task Killing_Execution_while_Risk_decides_neither_loses_nor_duplicates_the_order()
    {
        var asked = new TaskCompletionSource<CheckOrderRisk>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, async request =>
        {
            if (request.Symbol == "IBM" && asked.TrySetResult(request))
            {
                return null; // the first check of the order gets no answer: Execution dies waiting for it
            }

            Interlocked.Increment(ref answered);
            return await ExecutionTestBus.Approve()(request);
        });
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var resting = await execution.PlaceOkAsync(token, new { symbol = "GE", side = "buy", type = "limit", timeInForce = "gtc", quantity = 1, limitPrice = 1m });
        var key = Guid.NewGuid().ToString();
        var order = new { symbol = "IBM", side = "buy", type = "market", quantity = 2 };

        var placing = execution.PlaceAsync(token, order, key);
        CheckOrderRisk check;
        try
        {
            check = await asked.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await fixture.Execution.KillAsync();
            await Should.ThrowAsync<HttpRequestException>(placing, "Execution died before answering");
            (await fixture.ScalarAsync<string>("SELECT status FROM execution.orders WHERE id = @id", ("id", check.OrderId)))
                .ShouldBe("pending_risk", "the order and its client order id were written before Risk was asked");
        }
        finally
        {
            await fixture.RestartExecutionAsync();
        }

        var details = await execution.WaitForStatusAsync(token, check.OrderId, "filled");
        details.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ShouldBe(["pending_risk", "accepted", "filled"]);
        using var retry = await execution.PlaceAsync(token, order, key);
        var retried = await ExecutionApiCalls.ReadAsync(retry, HttpStatusCode.OK, "retry after the crash");
        retried.Id().ShouldBe(check.OrderId);
        (await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.orders WHERE idempotency_key = @key", ("key", key))).ShouldBe(1);
        (await fixture.ScalarAsync<long>("SELECT count(*) FROM execution.order_fills WHERE order_id = @id", ("id", check.OrderId))).ShouldBe(1);
        await Poll.UntilAsync(() => Task.FromResult(risk.Of<OrderFilled>().Any(f => f.OrderId == check.OrderId)), ExecutionApiCalls.EventualConsistency, "OrderFilled");
        risk.Of<OrderFilled>().Count(f => f.OrderId == check.OrderId).ShouldBe(1);
        // The resting order lived through the crash in the execution schema.
        (await execution.GetOrderAsync(token, resting.Id())).GetProperty("order").Status().ShouldBe("accepted");
    }
}
