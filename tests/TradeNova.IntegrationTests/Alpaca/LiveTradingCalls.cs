using System.Net;
using System.Text.Json;
using TradeNova.IntegrationTests.Execution;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>A trader with their own Alpaca keys on the fake server, and live orders through Execution.</summary>
public static class LiveTradingCalls
{
    public const string Secret = "sEcReT-live-trader-8Hq2Wd";

    /// <summary>A new user whose own (fresh) Alpaca paper keys are connected; returns the token and the key id.</summary>
    public static async Task<(string Token, string KeyId)> NewConnectedTraderAsync(this BrokerConnectionFixture fixture)
    {
        var keyId = $"PKLIVE{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        fixture.Alpaca.Keys[keyId] = Secret;
        var token = await fixture.NewUserTokenAsync();
        using var execution = fixture.CreateExecutionClient();
        using var put = await execution.SendAsync(HttpMethod.Put, "/api/v1/broker/connection", token,
            new { broker = "alpaca", environment = "paper", keyId, secretKey = Secret });
        await ExecutionApiCalls.ReadAsync(put, HttpStatusCode.OK, "connect Alpaca keys");
        return (token, keyId);
    }

    /// <summary>
    /// Places a live order until Risk's answer accepts it: the first check of a freshly started process can miss the
    /// timeout on this shared machine (and is then rightly rejected as risk.unavailable).
    /// </summary>
    public static async Task<JsonElement> PlaceLiveAsync(this HttpClient execution, string token, object order)
    {
        for (var attempt = 1; ; attempt++)
        {
            var placed = await execution.PlaceOkAsync(token, order);
            if (placed.Status() != "rejected" || attempt == 3
                || !placed.GetProperty("reasonCodes").EnumerateArray().Any(c => c.GetString() == "risk.unavailable"))
            {
                return placed;
            }
        }
    }

    public static string ClientOrderId(this JsonElement order) => order.GetProperty("clientOrderId").GetString()!;

    /// <summary>Waits until Execution has adopted Alpaca's acknowledgement (broker order id recorded).</summary>
    public static Task AcknowledgedAsync(this BrokerConnectionFixture fixture, Guid orderId) =>
        Poll.UntilAsync(
            async () => await fixture.ScalarAsync<long>(
                "SELECT count(*) FROM execution.orders o JOIN execution.alpaca_order_links l ON l.order_id = o.id WHERE o.id = @id AND o.submitted_at IS NOT NULL AND l.broker_order_id IS NOT NULL",
                ("id", orderId)) == 1,
            ExecutionApiCalls.EventualConsistency, $"order {orderId} acknowledged by Alpaca");

    /// <summary>Alpaca will hold its answer to the cancel of <paramref name="brokerOrderId"/> for 3 s.</summary>
    public static void HoldCancel(this FakeAlpacaServer alpaca, string brokerOrderId) =>
        alpaca.Script(new ScriptedResponse("DELETE", $"/v2/orders/{brokerOrderId}", 204, "", TimeSpan.FromSeconds(3)));

    /// <summary>
    /// Once the cancel of <paramref name="brokerOrderId"/> reached Alpaca (held there by <see cref="HoldCancel"/>), the
    /// rows of <paramref name="rows"/> (table, id) can be locked <c>NOWAIT</c>: nothing holds them while Alpaca answers.
    /// </summary>
    public static async Task ShouldLockNothingWhileAlpacaCancelsAsync(this BrokerConnectionFixture fixture, string brokerOrderId,
        params (string Table, Guid Id)[] rows)
    {
        await Poll.UntilAsync(() => Task.FromResult(fixture.Alpaca.RequestsTo("DELETE", $"/v2/orders/{brokerOrderId}").Count > 0),
            ExecutionApiCalls.EventualConsistency, "the cancel at Alpaca");
        foreach (var (table, id) in rows)
        {
            (await fixture.ScalarAsync<long>($"SELECT count(*) FROM (SELECT 1 FROM execution.{table} WHERE id = @id FOR UPDATE NOWAIT) AS free",
                ("id", id))).ShouldBe(1, $"the {table} row is not locked while Alpaca answers");
        }
    }
}
