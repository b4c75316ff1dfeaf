using System.Net;
using System.Text.Json.Nodes;
using TradeNova.IntegrationTests.Execution;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>
/// Stopping a live strategy run cancels its working entry at Alpaca before the stop's transaction locks the run and the
/// order: a slow Alpaca holds neither lock nor pooled connection. Execution runs as a process; Alpaca is the loopback
/// <see cref="FakeAlpacaServer"/>, whose minute bars are stamped minutes ahead so only the stream closes windows.
/// </summary>
[Collection(BrokerConnectionCollection.Name)]
public sealed class LiveStrategyCancelTests(BrokerConnectionFixture fixture)
{
    private const string Symbol = "KO";

    private FakeAlpacaServer Alpaca => fixture.Alpaca;

    [Fact]
    public async Task Stopping_a_live_run_cancels_its_entry_at_alpaca_before_it_locks_anything()
    {
        await using var bus = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        var b = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(4);
        var bars = new[] { 61m, 62m }.Select((close, i) => new FakeBar(b.AddMinutes(i), close, close + 1m, close - 1m, close, 1_000m)).ToArray();
        Alpaca.PlayBars(Symbol, bars[..1]);

        var runId = (await execution.StartOkAsync(token, new
        {
            strategy = new
            {
                name = "rules",
                parameters = new
                {
                    symbols = new[] { Symbol },
                    entry = new { op = ">", left = "close", right = 0 },
                    exit = new { op = "<", left = "close", right = 0 },
                    sizing = new { fractionOfEquity = 0.1 },
                },
            },
            allocation = 1_000m,
            account = "live",
            barSeconds = 60,
            sizing = new { mode = "fixed-shares", value = 2 },
        })).Id();
        await Poll.UntilAsync(() => Task.FromResult(Alpaca.DataSubscribes.Any(s => s.KeyId == keyId && s.Frame["bars"] is JsonArray symbols
                && symbols.Any(x => x!.GetValue<string>() == Symbol))),
            ExecutionApiCalls.EventualConsistency, "the run's symbol subscribed");
        await Alpaca.SendMinuteBarsAsync(keyId, Symbol, bars[0]);
        await Alpaca.SendMinuteBarsAsync(keyId, Symbol, bars[1]);
        var entryId = await Poll.UntilAsync(
            () => fixture.ScalarAsync<Guid?>("SELECT id FROM execution.orders WHERE strategy_run_id = @run AND bracket_leg IS NULL", ("run", runId)),
            id => id is not null, ExecutionApiCalls.EventualConsistency, "the run's entry") ?? Guid.Empty;
        await fixture.AcknowledgedAsync(entryId);
        var clientOrderId = await fixture.ScalarAsync<string>("SELECT client_order_id FROM execution.orders WHERE id = @id", ("id", entryId));
        var brokerId = Alpaca.Orders[clientOrderId]["id"]!.GetValue<string>();
        Alpaca.HoldCancel(brokerId);

        var stop = execution.SendAsync(HttpMethod.Post, $"/api/v1/strategies/{runId}/stop", token, new { reason = "test over" });
        await fixture.ShouldLockNothingWhileAlpacaCancelsAsync(brokerId, ("orders", entryId), ("strategy_runs", runId));

        using var response = await stop;
        (await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.OK, "stop")).GetProperty("status").GetString().ShouldBe("stopped");
        (await fixture.ScalarAsync<string>("SELECT status FROM execution.orders WHERE id = @id", ("id", entryId))).ShouldBe("canceled");
        Alpaca.RequestsTo("DELETE", $"/v2/orders/{brokerId}").Count.ShouldBe(1, "asked once, before the transaction");
        Alpaca.Violations.ShouldBeEmpty();
    }
}
