using System.Net;
using System.Text.Json;
using Npgsql;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Execution;

/// <summary>The strategy routes, called directly on an Execution instance, and the rules strategies the tests run.</summary>
public static class StrategyApiCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A rules strategy on one symbol: buys whenever flat (close &gt; 0 always holds), sells when the close is at
    /// or above its 2-bar average (depends on the prices). Entries are sized by the run's fixed-shares sizing.</summary>
    public static object BuyWhenFlat(string symbol) => new
    {
        name = "rules",
        parameters = new
        {
            symbols = new[] { symbol },
            entry = new { op = ">", left = "close", right = 0 },
            exit = new { op = ">=", left = "close", right = new { indicator = "sma", period = 2 } },
            sizing = new { fractionOfEquity = 0.1 },
        },
    };

    /// <summary>Buys when flat and sells when long, bar after bar: one order every bar.</summary>
    public static object EveryBar(string symbol) => new
    {
        name = "rules",
        parameters = new
        {
            symbols = new[] { symbol },
            entry = new { op = ">", left = "close", right = 0 },
            exit = new { op = ">", left = "close", right = 0 },
            sizing = new { fractionOfEquity = 0.1 },
        },
    };

    public static object Start(object strategy, decimal shares = 1m, string account = "paper") => new
    {
        strategy,
        allocation = 2_000m,
        account,
        barSeconds = 5,
        sizing = new { mode = "fixed-shares", value = shares },
    };

    public static async Task<JsonElement> StartOkAsync(this HttpClient execution, string token, object body)
    {
        using var response = await execution.SendAsync(HttpMethod.Post, "/api/v1/strategies", token, body);
        return await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.Created, "start strategy");
    }

    public static async Task<JsonElement> RunAsync(this HttpClient execution, string token, Guid runId)
    {
        using var response = await execution.SendAsync(HttpMethod.Get, $"/api/v1/strategies/{runId}", token);
        return await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.OK, "strategy details");
    }

    public static Task<JsonElement> WaitForBarsAsync(this HttpClient execution, string token, Guid runId, int bars) =>
        Poll.UntilAsync(
            () => execution.RunAsync(token, runId),
            details => details.GetProperty("run").GetProperty("barsProcessed").GetInt32() >= bars,
            TimeSpan.FromSeconds(120),
            $"run {runId} past {bars} bars");

    /// <summary>Until the run has placed at least <paramref name="count"/> orders (a bar whose order is still pending decides nothing new).</summary>
    public static Task WaitForPlacedSignalsAsync(this ExecutionFixture fixture, Guid runId, int count) =>
        Poll.UntilAsync(
            async () => (await fixture.SignalsAsync(runId)).Count(s => s.Status == "placed") >= count,
            TimeSpan.FromSeconds(120),
            $"run {runId} placed {count} orders");

    public static Task<JsonElement> WaitForStopAsync(this HttpClient execution, string token, Guid runId) =>
        Poll.UntilAsync(
            () => execution.RunAsync(token, runId),
            details => details.GetProperty("run").GetProperty("status").GetString() == "stopped",
            ExecutionApiCalls.EventualConsistency,
            $"run {runId} stopped");

    public static async Task<JsonElement> StopOkAsync(this HttpClient execution, string token, Guid runId)
    {
        using var response = await execution.SendAsync(HttpMethod.Post, $"/api/v1/strategies/{runId}/stop", token, new { reason = "test over" });
        return await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.OK, "stop strategy");
    }

    /// <summary>Rows from the execution schema as its owner role (tests only look).</summary>
    public static async Task<List<T>> RowsAsync<T>(this ExecutionFixture fixture, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.Database.ConnectionStringFor("execution"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>What the run sent, bar by bar: (bar time, sequence, side, quantity, order id, idempotency key) of each signal.</summary>
    public static Task<List<(DateTimeOffset Time, int Sequence, string Symbol, string Side, decimal Quantity, string Type, Guid? OrderId, string Key, string Status)>> SignalsAsync(
        this ExecutionFixture fixture, Guid runId) =>
        fixture.RowsAsync(
            "SELECT time, sequence, symbol, side, quantity, order_type, order_id, idempotency_key, status FROM execution.strategy_signals WHERE run_id = @run ORDER BY time, sequence",
            r => (new DateTimeOffset(r.GetDateTime(0), TimeSpan.Zero), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetString(5),
                r.IsDBNull(6) ? (Guid?)null : r.GetGuid(6), r.GetString(7), r.GetString(8)),
            ("run", runId));

    /// <summary>The run's orders: (id, idempotency key, side, quantity, status).</summary>
    public static Task<List<(Guid Id, string? Key, string Side, decimal Quantity, string Status)>> RunOrdersAsync(this ExecutionFixture fixture, Guid runId) =>
        fixture.RowsAsync(
            "SELECT id, idempotency_key, side, quantity, status FROM execution.orders WHERE strategy_run_id = @run AND bracket_leg IS NULL ORDER BY created_at",
            r => (r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetString(4)),
            ("run", runId));
}
