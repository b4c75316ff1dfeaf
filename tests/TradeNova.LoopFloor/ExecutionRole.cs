using System.Text.Json;
using MassTransit;
using Npgsql;
using NpgsqlTypes;

namespace TradeNova.LoopFloor;

/// <summary>
/// Orders at their least: the order row (idempotency key, client order id) before anything else, the pre-trade check
/// as a MassTransit request to Risk, a market fill at the reference price, and the fill with its outbox row in one
/// statement, published once committed and then marked sent. One order, four round trips to PostgreSQL, one request.
/// </summary>
public static class ExecutionRole
{
    public sealed record OrderRequest(string? Symbol, string? Side, string? Type, string? TimeInForce, decimal? Notional);

    // Reference prices of the symbols the load driver trades.
    private static readonly Dictionary<string, decimal> Prices = new(StringComparer.Ordinal)
    {
        ["F"] = 11.20m, ["T"] = 22.15m, ["PFE"] = 25.60m, ["INTC"] = 21.30m, ["KO"] = 69.40m,
        ["VZ"] = 41.05m, ["WMT"] = 96.80m, ["BAC"] = 46.25m, ["CSCO"] = 61.70m, ["MRK"] = 98.10m,
    };

    private const string InsertOrder = """
        INSERT INTO execution.orders (id, user_id, idempotency_key, client_order_id, symbol, notional, status, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, 'pending_risk', $7, $7)
        ON CONFLICT (user_id, idempotency_key) DO NOTHING
        RETURNING id
        """;

    private const string ExistingOrder = "SELECT id, status, reason_codes FROM execution.orders WHERE user_id = $1 AND idempotency_key = $2";

    private const string RejectOrder = "UPDATE execution.orders SET status = 'rejected', reason_codes = $2, updated_at = $3 WHERE id = $1";

    // The fill, the order's new state and the outbox row commit together: one statement is one transaction.
    private const string FillOrder = """
        WITH filled AS (
            UPDATE execution.orders SET status = 'filled', updated_at = $4 WHERE id = $1 AND status = 'pending_risk' RETURNING id),
        fill AS (
            INSERT INTO execution.fills (id, order_id, quantity, price, filled_at) SELECT $5, id, $2, $3, $4 FROM filled RETURNING id)
        INSERT INTO execution.outbox (body, created_at) SELECT $6, $4 FROM fill RETURNING id
        """;

    private const string MarkSent = "UPDATE execution.outbox SET sent_at = $2 WHERE id = $1";

    public static WebApplication Build(string[] args)
    {
        var builder = FloorHost.CreateBuilder(args);
        builder.AddDatabase();
        builder.AddBus("execution", bus => bus.AddRequestClient<CheckOrder>(RequestTimeout.After(s: 5)));
        var app = builder.Build();
        app.MapHealth();
        app.MapPost("/api/v1/orders", PlaceAsync);
        return app;
    }

    private static async Task<IResult> PlaceAsync(
        HttpContext http, OrderRequest order, NpgsqlDataSource db, IRequestClient<CheckOrder> risk, IPublishEndpoint bus,
        CancellationToken cancellationToken)
    {
        if (FloorHost.UserOf(http) is not { } user)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No user.");
        }

        if (http.Request.Headers["Idempotency-Key"] is not { Count: 1 } keys || string.IsNullOrWhiteSpace(keys[0]) || keys[0]!.Length > 200)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key is required.");
        }

        if (order.Symbol is null || !Prices.TryGetValue(order.Symbol, out var price) || order.Side != "buy" || order.Type != "market"
            || order.Notional is not (> 0m and <= 1_000_000m))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Only market buys in dollars of a known symbol.");
        }

        var key = keys[0]!;
        var notional = order.Notional.Value;
        var id = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        await using (var insert = db.CreateCommand(InsertOrder))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = user });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"tn-{id:N}" });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.Symbol });
            insert.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = notional });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
            if (await insert.ExecuteScalarAsync(cancellationToken) is null)
            {
                return await ExistingAsync(db, user, key, cancellationToken);
            }
        }

        OrderChecked verdict;
        try
        {
            verdict = (await risk.GetResponse<OrderChecked>(new CheckOrder(id, user, order.Symbol, notional), cancellationToken)).Message;
        }
        catch (RequestTimeoutException)
        {
            verdict = new OrderChecked(id, false, ["risk.unavailable"]);
        }

        if (!verdict.Approved)
        {
            await using var reject = db.CreateCommand(RejectOrder);
            reject.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            reject.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = verdict.ReasonCodes });
            reject.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
            await reject.ExecuteNonQueryAsync(cancellationToken);
            return Results.Created($"/api/v1/orders/{id}", new { id, status = "rejected", reasonCodes = verdict.ReasonCodes });
        }

        var quantity = Math.Round(notional / price, 6, MidpointRounding.ToZero);
        var filled = new OrderFilled(id, Guid.CreateVersion7(), user, order.Symbol, quantity, price, DateTime.UtcNow);
        long outboxId;
        await using (var fill = db.CreateCommand(FillOrder))
        {
            fill.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            fill.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = quantity });
            fill.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = price });
            fill.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = filled.FilledAt });
            fill.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = filled.FillId });
            fill.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(filled), NpgsqlDbType = NpgsqlDbType.Jsonb });
            outboxId = (long)(await fill.ExecuteScalarAsync(cancellationToken))!;
        }

        await bus.Publish(filled, cancellationToken);
        await using (var sent = db.CreateCommand(MarkSent))
        {
            sent.Parameters.Add(new NpgsqlParameter<long> { TypedValue = outboxId });
            sent.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
            await sent.ExecuteNonQueryAsync(cancellationToken);
        }

        return Results.Created($"/api/v1/orders/{id}", new { id, status = "filled", reasonCodes = Array.Empty<string>() });
    }

    private static async Task<IResult> ExistingAsync(NpgsqlDataSource db, Guid user, string key, CancellationToken cancellationToken)
    {
        await using var select = db.CreateCommand(ExistingOrder);
        select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = user });
        select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Results.Ok(new { id = reader.GetGuid(0), status = reader.GetString(1), reasonCodes = reader.GetFieldValue<string[]>(2) });
    }
}
