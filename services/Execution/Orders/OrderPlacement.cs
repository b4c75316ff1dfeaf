using System.Text.Json;
using Npgsql;
using TradeNova.Execution.Apis;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Execution.Orders;

/// <summary>
/// Placing an order: idempotency by (user, Idempotency-Key), the order written in <c>pending_risk</c> with its unique
/// client order id before anyone else hears of it, the pre-trade check, then acceptance or rejection. The first response
/// is stored with the order and replayed for a retry with the same key and body.
/// </summary>
public sealed class OrderPlacement(
    ExecutionDbContext db,
    OrderLedger ledger,
    RiskGate risk,
    OrderAcceptance acceptance,
    IHostApplicationLifetime lifetime,
    TimeProvider time)
{
    // One plain command: even a compiled EF query builds its shaper's delegates on every run, and this read is on every order.
    private const string ModeSql = "SELECT mode FROM execution.trading_accounts WHERE user_id = $1";

    public async Task<PlacementOutcome> PlaceAsync(Guid userId, string idempotencyKey, OrderDraft draft, CancellationToken cancellationToken)
    {
        // A retry is found by the insert below (the key is unique per user), not by a read before it: most requests are
        // new orders, and each read is a round trip.
        var hash = draft.Hash();
        var mode = draft.Mode ?? await ModeOfAsync(userId, cancellationToken) ?? TradingModes.Paper;
        if (mode == TradingModes.Live && !await db.BrokerConnections.AnyAsync(c => c.UserId == userId, cancellationToken))
        {
            // The retry of an order placed while the broker was connected still gets its first answer.
            return await FindAsync(userId, idempotencyKey, cancellationToken) is { } placed
                ? Retry(placed, hash)
                : PlacementOutcome.BrokerNotConnected;
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var order = new Order
        {
            Id = id,
            UserId = userId,
            ClientOrderId = NewClientOrderId(id),
            IdempotencyKey = idempotencyKey,
            RequestHash = hash,
            Symbol = draft.Symbol,
            Side = draft.Side,
            Type = draft.Type,
            TimeInForce = draft.TimeInForce,
            Quantity = draft.Quantity,
            Notional = draft.Notional,
            LimitPrice = draft.LimitPrice,
            StopPrice = draft.StopPrice,
            RequestedStopLoss = draft.StopLoss,
            RequestedTakeProfit = draft.TakeProfit,
            Status = OrderStatuses.PendingRisk,
            Mode = mode,
            StrategyRunId = draft.StrategyRunId,
            CreatedAt = now,
            UpdatedAt = now,
            RiskRequestedAt = now,
        };
        ledger.Add(order);
        // The order and its first history row go as one batch without BEGIN/COMMIT: PostgreSQL runs a batch (one Sync) as
        // one implicit transaction, so both rows or neither are written, in one round trip instead of two.
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The key is taken: a retry, or a concurrent request with the same key that won the insert.
            db.ChangeTracker.Clear();
            return Retry((await FindAsync(userId, idempotencyKey, cancellationToken))!, hash);
        }
        finally
        {
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
        }

        return await CheckAndResolveAsync(order, storeResponse: true);
    }

    /// <summary>
    /// The pre-trade check and its outcome. Not tied to the HTTP request's token: a client hanging up must not leave
    /// the order half-way (the recovery sweep would finish it, but later).
    /// </summary>
    public async Task<PlacementOutcome> CheckAndResolveAsync(Order order, bool storeResponse)
    {
        var stopping = lifetime.ApplicationStopping;
        var answer = await risk.CheckAsync(order, stopping);
        var resolved = await acceptance.ResolveAsync(order.Id, answer, storeResponse ? StoreResponse : null, stopping, placed: order);
        return resolved?.ResponseBody is not null && resolved.ResponseStatus is not null
            ? PlacementOutcome.Stored(resolved, replayed: false)
            : PlacementOutcome.AsItStands(resolved ?? order);
    }

    public static string NewClientOrderId(Guid orderId) => $"tn-{orderId:N}";

    private static PlacementOutcome Retry(Order existing, string hash)
    {
        if (!string.Equals(existing.RequestHash, hash, StringComparison.Ordinal))
        {
            return PlacementOutcome.Conflict;
        }

        return existing.ResponseBody is not null && existing.ResponseStatus is not null
            ? PlacementOutcome.Stored(existing, replayed: true)
            : PlacementOutcome.AsItStands(existing);
    }

    private static void StoreResponse(Order order)
    {
        order.ResponseStatus = StatusCodes.Status201Created;
        order.ResponseBody = JsonSerializer.Serialize(OrderResponse.From(order), JsonSerializerOptions.Web);
    }

    private async Task<string?> ModeOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(ModeSql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter { Value = userId });
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private Task<Order?> FindAsync(Guid userId, string idempotencyKey, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.UserId == userId && o.IdempotencyKey == idempotencyKey, cancellationToken);
}
