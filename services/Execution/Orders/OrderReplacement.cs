using TradeNova.Execution.Apis;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Orders;

/// <summary>
/// Cancel-replace: a new order (linked by <see cref="Order.ReplacesOrderId"/>) with the new quantity or prices goes
/// through Risk like any order; only when it is accepted does the old one become <c>replaced</c>, in the same
/// transaction. If Risk refuses the new order, the old one keeps working; if the old one filled meanwhile, the new one
/// is canceled. The new quantity is the new order's whole size (default: what the old one had left).
/// </summary>
public sealed class OrderReplacement(ExecutionDbContext db, OrderLedger ledger, OrderPlacement placement, TimeProvider time)
{
    public async Task<ReplaceOutcome> ReplaceAsync(Guid userId, Guid orderId, ReplaceOrderRequest? request, CancellationToken cancellationToken)
    {
        var old = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.UserId == userId, cancellationToken);
        if (old is null)
        {
            return new ReplaceOutcome(null, NotFound: true);
        }

        if (!OrderStatuses.Working.Contains(old.Status) || old.BracketLeg is not null || old.Quantity is null
            || (old.Mode == TradingModes.Live && old.SubmittedAt is null))
        {
            return new ReplaceOutcome(null, NotOpen: old);
        }

        var errors = Validate(old, request);
        if (errors.HasErrors)
        {
            return new ReplaceOutcome(null, Errors: errors);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var replacement = new Order
        {
            Id = id,
            UserId = userId,
            ClientOrderId = OrderPlacement.NewClientOrderId(id),
            Symbol = old.Symbol,
            Side = old.Side,
            Type = old.Type,
            TimeInForce = old.TimeInForce,
            Quantity = request!.Quantity ?? old.Quantity - old.FilledQuantity,
            LimitPrice = request.LimitPrice ?? old.LimitPrice,
            StopPrice = request.StopPrice ?? old.StopPrice,
            RequestedStopLoss = old.StopLossPrice ?? old.RequestedStopLoss,
            RequestedTakeProfit = old.TakeProfitPrice ?? old.RequestedTakeProfit,
            ReplacesOrderId = old.Id,
            Status = OrderStatuses.PendingRisk,
            Mode = old.Mode,
            StrategyRunId = old.StrategyRunId, // a replaced strategy order stays the strategy's (its P&L, its pending state)
            CreatedAt = now,
            UpdatedAt = now,
            RiskRequestedAt = now,
        };
        ledger.Add(replacement, $"Replaces order {old.Id}.");
        await db.SaveChangesAsync(cancellationToken);

        var outcome = await placement.CheckAndResolveAsync(replacement, storeResponse: false);
        return new ReplaceOutcome(outcome.Current ?? replacement);
    }

    private static ValidationErrors Validate(Order old, ReplaceOrderRequest? request)
    {
        var errors = new ValidationErrors();
        if (request is null || request is { Quantity: null, LimitPrice: null, StopPrice: null })
        {
            return errors.Add("body", "Give at least one of quantity, limitPrice, stopPrice.");
        }

        if (request.Quantity is { } quantity)
        {
            OrderRequestValidator.ValidateQuantity(quantity, old.Type, errors);
        }

        if (request.LimitPrice is not null)
        {
            OrderRequestValidator.ValidatePrice(request.LimitPrice, "limitPrice", OrderTypes.NeedsLimitPrice(old.Type), old.Type, errors);
        }

        if (request.StopPrice is not null)
        {
            OrderRequestValidator.ValidatePrice(request.StopPrice, "stopPrice", OrderTypes.NeedsStopPrice(old.Type), old.Type, errors);
        }

        return errors;
    }
}
