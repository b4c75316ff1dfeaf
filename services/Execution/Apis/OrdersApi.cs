using System.Text;
using Microsoft.AspNetCore.Mvc;
using TradeNova.Execution.Exchange;
using TradeNova.Execution.Orders;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Apis;

/// <summary>
/// <c>/api/v1/orders</c>: place (idempotent), list, get, cancel, replace. The user id comes only from the token; another
/// user's order is a 404. Placing, canceling and replacing need an entitled subscription.
/// </summary>
public static class OrdersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapOrdersApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/orders").WithTags("Orders").RequireAuthorization();
        api.MapPost("/", PlaceOrderAsync).RequireActiveSubscription().RequireRateLimiting(OrderAdmission.PolicyName)
            .Produces<OrderResponse>(StatusCodes.Status201Created).Produces<OrderResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/", ListOrdersAsync);
        api.MapGet("/{id:guid}", GetOrderAsync);
        api.MapDelete("/{id:guid}", CancelOrderAsync).RequireActiveSubscription();
        api.MapPost("/{id:guid}/replace", ReplaceOrderAsync).RequireActiveSubscription()
            .Produces<OrderResponse>(StatusCodes.Status201Created);
        return api;
    }

    public static async Task<IResult> PlaceOrderAsync(
        [FromBody] PlaceOrderRequest? request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        ClaimsPrincipal principal,
        OrderPlacement placement,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var draft = OrderRequestValidator.Validate(request, idempotencyKey, errors);
        if (draft is null)
        {
            return errors.ToProblem();
        }

        var outcome = await placement.PlaceAsync(principal.GetUserId(), idempotencyKey!, draft, cancellationToken);
        if (outcome.KeyConflict)
        {
            return ProblemResults.Conflict("idempotency-key-reused", "This Idempotency-Key was used for a different order.",
                "Send a new key for a new order; resend the same body to get the first order back.");
        }

        if (ReferenceEquals(outcome, PlacementOutcome.BrokerNotConnected))
        {
            return TradingModeApi.BrokerNotConnected();
        }

        http.Response.Headers.Location = $"/api/v1/orders/{outcome.OrderId}";
        if (outcome.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return outcome.Body is not null
            ? TypedResults.Text(outcome.Body, "application/json", Encoding.UTF8, outcome.Status)
            : TypedResults.Ok(OrderResponse.From(outcome.Current!));
    }

    public static async Task<Results<Ok<OrderPage>, ValidationProblem>> ListOrdersAsync(
        ClaimsPrincipal principal,
        ExecutionDbContext db,
        string? status,
        string? symbol,
        string? side,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        Guid? strategyRunId,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var statuses = status?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(s => s.Equals("open", StringComparison.OrdinalIgnoreCase) ? OrderStatuses.Open : [s.ToLowerInvariant()])
            .Distinct().ToList();
        errors.Check(statuses is null || statuses.All(OrderStatuses.IsKnown), "status", $"Use open or any of {string.Join(", ", OrderStatuses.All)} (comma-separated).");
        var normalizedSide = side?.Trim().ToLowerInvariant();
        errors.Check(normalizedSide is null || OrderSides.All.Contains(normalizedSide), "side", "Must be buy or sell.");
        errors.Check(from is null || to is null || from <= to, "from", "Must not be after to.");
        var number = page ?? 1;
        var size = pageSize ?? 50;
        errors.Check(number >= 1, "page", "Must be at least 1.");
        errors.Check(size is >= 1 and <= MaxPageSize, "pageSize", $"Between 1 and {MaxPageSize}.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var userId = principal.GetUserId();
        var query = db.Orders.AsNoTracking().Where(o => o.UserId == userId);
        if (statuses is not null)
        {
            query = query.Where(o => statuses.Contains(o.Status));
        }

        if (!string.IsNullOrWhiteSpace(symbol))
        {
            var normalizedSymbol = Market.SymbolUniverse.Normalize(symbol);
            query = query.Where(o => o.Symbol == normalizedSymbol);
        }

        if (strategyRunId is not null)
        {
            query = query.Where(o => o.StrategyRunId == strategyRunId);
        }

        if (normalizedSide is not null)
        {
            query = query.Where(o => o.Side == normalizedSide);
        }

        if (from is not null)
        {
            query = query.Where(o => o.CreatedAt >= from);
        }

        if (to is not null)
        {
            query = query.Where(o => o.CreatedAt <= to);
        }

        var total = await query.CountAsync(cancellationToken);
        var orders = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new OrderPage([.. orders.Select(OrderResponse.From)], number, size, total));
    }

    public static async Task<Results<Ok<OrderDetailsResponse>, ProblemHttpResult>> GetOrderAsync(
        Guid id, ClaimsPrincipal principal, ExecutionDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.UserId == userId, cancellationToken);
        if (order is null)
        {
            return ProblemResults.NotFound("Order not found.");
        }

        var events = await db.OrderEvents.AsNoTracking().Where(e => e.OrderId == id).OrderBy(e => e.Id)
            .Select(e => new OrderEventResponse(e.FromStatus, e.ToStatus, e.At, e.Reason, e.FilledQuantity))
            .ToListAsync(cancellationToken);
        var fills = await db.OrderFills.AsNoTracking().Where(f => f.OrderId == id).OrderBy(f => f.Sequence)
            .Select(f => new FillResponse(f.Id, f.Sequence, f.Quantity, f.Price, f.Fee, f.FilledAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new OrderDetailsResponse(OrderResponse.From(order), events, fills));
    }

    /// <summary>
    /// The broker is asked first, with no transaction open and no row locked: a live cancel is one or two calls to
    /// Alpaca, and holding a pooled connection across them would let a slow Alpaca starve every other request. Then the
    /// order is locked and canceled if it is still open; a fill that landed in between stays, and only the rest is
    /// canceled. An order that started working (at a broker) between the read and the lock is read again, so the broker
    /// is always asked about the status that gets canceled.
    /// </summary>
    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CancelOrderAsync(
        Guid id,
        ClaimsPrincipal principal,
        ExecutionDbContext db,
        OrderLedger ledger,
        BrokerRouter brokers,
        CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        for (var attempt = 0; ; attempt++)
        {
            var seen = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (seen is null || seen.UserId != userId)
            {
                return ProblemResults.NotFound("Order not found.");
            }

            if (!OrderStatuses.IsOpen(seen.Status))
            {
                return NotOpen(seen);
            }

            var broker = AtBroker(seen, brokers);
            if (broker is not null && await broker.CancelAsync(seen, cancellationToken) is { Accepted: false } ack)
            {
                return ProblemResults.Conflict("order-not-cancelable", "The broker refused to cancel the order.", ack.Message);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var order = await db.LockOrderAsync(id, cancellationToken);
            if (order is null)
            {
                return ProblemResults.NotFound("Order not found.");
            }

            if (!OrderStatuses.IsOpen(order.Status))
            {
                return NotOpen(order);
            }

            if (broker is null && AtBroker(order, brokers) is not null && attempt < 3)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                continue;
            }

            ledger.Transition(order, OrderStatuses.Canceled, "Canceled by the user.");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(OrderResponse.From(order));
        }
    }

    private static IBrokerAdapter? AtBroker(Order order, BrokerRouter brokers) =>
        OrderStatuses.Working.Contains(order.Status) ? brokers.For(order.Mode) : null;

    public static async Task<IResult> ReplaceOrderAsync(
        Guid id,
        [FromBody] ReplaceOrderRequest? request,
        ClaimsPrincipal principal,
        OrderReplacement replacement,
        CancellationToken cancellationToken)
    {
        var outcome = await replacement.ReplaceAsync(principal.GetUserId(), id, request, cancellationToken);
        return outcome switch
        {
            { NotFound: true } => ProblemResults.NotFound("Order not found."),
            { NotOpen: { } old } => NotOpen(old),
            { Errors: { } errors } => errors.ToProblem(),
            _ => TypedResults.Created($"/api/v1/orders/{outcome.Created!.Id}", OrderResponse.From(outcome.Created)),
        };
    }

    private static ProblemHttpResult NotOpen(Order order) => OrderStatuses.IsOpen(order.Status)
        ? ProblemResults.Conflict("order-not-replaceable", $"A {order.Status} order cannot be replaced.",
            order.BracketLeg is not null ? "Bracket legs are canceled, not replaced." : "Wait until the order is accepted (and, for a live order, acknowledged by Alpaca), then replace.")
        : ProblemResults.Conflict("order-not-open", $"The order is {order.Status} and can no longer change.");
}
