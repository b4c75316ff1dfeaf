using MassTransit;
using TradeNova.Contracts.Execution;
using TradeNova.Portfolio.Accounting;
using TradeNova.Portfolio.Notifications;
using TradeNova.Portfolio.Valuation;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.Portfolio.IntegrationEvents.EventHandling;

/// <summary>
/// Applies a fill exactly once (inbox by message id, then the fill id as primary key of the trade history, whose
/// violation means the fill came before under another message id): cash,
/// quantity, average cost, realized P&amp;L and fees; then revalues and stages <c>PortfolioFillApplied</c>. On the shared
/// durable queue, so with several instances each fill is applied by one of them.
/// </summary>
public sealed class OrderFilledIntegrationEventHandler(PortfolioContext db, PortfolioRevaluation revaluation, FillPushRoute pushes, TimeProvider time)
    : InboxConsumer<PortfolioContext, OrderFilled>(db)
{
    protected override async Task HandleAsync(ConsumeContext<OrderFilled> context, CancellationToken cancellationToken)
    {
        var fill = context.Message;
        pushes.Discard(); // anything an earlier attempt staged was not committed
        using var activity = PortfolioTelemetry.ActivitySource.StartActivity("apply fill");
        activity?.SetTag("tradenova.user_id", fill.UserId);
        activity?.SetTag("tradenova.fill_id", fill.FillId);
        var isBuy = string.Equals(fill.Side, "buy", StringComparison.OrdinalIgnoreCase);
        if (!isBuy && !string.Equals(fill.Side, "sell", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Fill {fill.FillId} has side '{fill.Side}'; expected buy or sell.");
        }

        var account = PortfolioAccounts.Parse(fill.Mode)
                      ?? throw new InvalidOperationException($"Fill {fill.FillId} has mode '{fill.Mode}'; expected paper or live.");
        // Read with the portfolio's row lock: the same fill arriving concurrently under another message id waits for the
        // first to commit, and then its trade-history row (keyed by the fill id) is refused as already applied.
        var day = DateOnly.FromDateTime(Later(time.GetUtcNow(), fill.FilledAt).UtcDateTime);
        var (portfolio, positions) = await Db.LockForFillAsync(fill.UserId, account, day, cancellationToken)
            // Retried (and finally parked in the error queue): the UserRegistered (paper) or the first broker report (live)
            // that opens it may still be on its way.
            ?? throw new InvalidOperationException($"No {account} portfolio for user {fill.UserId} yet; fill {fill.FillId} will be retried.");

        var symbol = fill.Symbol.Trim().ToUpperInvariant();
        var position = positions.FirstOrDefault(p => p.Symbol == symbol);
        var before = position is null ? PositionState.Flat : new PositionState(position.Quantity, position.AverageCost);
        var outcome = FillAccounting.Apply(before, isBuy, fill.Quantity, fill.Price, fill.Fee);

        // A live fill stamped at or before the broker report last applied is already in the broker's cash and positions
        // (that report set them): it joins the trade history, P&L and fees, and moves nothing twice.
        var inBrokerFigures = portfolio.BrokerSyncedAt is { } synced && fill.FilledAt <= synced;
        var openedAt = position?.OpenedAt;
        if (!inBrokerFigures)
        {
            if (position is null)
            {
                position = new Position { PortfolioId = portfolio.Id, Symbol = symbol, OpenedAt = fill.FilledAt, LastPrice = fill.Price };
                Db.Positions.Add(position);
                positions.Add(position);
            }

            if (before.Quantity == 0m || Math.Sign(outcome.Position.Quantity) != Math.Sign(before.Quantity))
            {
                position.OpenedAt = fill.FilledAt;
            }

            position.Quantity = outcome.Position.Quantity;
            position.AverageCost = outcome.Position.AverageCost;
            position.RealizedPnl += outcome.RealizedPnl;
            position.UpdatedAt = fill.FilledAt;
            if (position.Quantity == 0m)
            {
                Db.Positions.Remove(position);
                positions.Remove(position);
            }

            portfolio.Cash += outcome.CashChange;
        }

        portfolio.RealizedPnl += outcome.RealizedPnl;
        portfolio.Fees += fill.Fee;
        if (portfolio.LastFillAt is not { } lastFill || fill.FilledAt > lastFill)
        {
            portfolio.LastFillAt = fill.FilledAt;
        }

        Db.Fills.Add(new Fill
        {
            FillId = fill.FillId,
            OrderId = fill.OrderId,
            PortfolioId = portfolio.Id,
            UserId = fill.UserId,
            Symbol = symbol,
            Side = isBuy ? "buy" : "sell",
            Quantity = fill.Quantity,
            Price = fill.Price,
            Fee = fill.Fee,
            CashChange = outcome.CashChange,
            RealizedPnl = outcome.RealizedPnl,
            ClosedQuantity = outcome.ClosedQuantity,
            AverageCostBefore = before.AverageCost,
            PositionOpenedAt = before.Quantity == 0m ? null : openedAt,
            PositionAfter = inBrokerFigures ? before.Quantity : outcome.Position.Quantity,
            FilledAt = fill.FilledAt,
            ClientOrderId = fill.ClientOrderId,
            StrategyId = fill.StrategyId,
        });

        await revaluation.ApplyAsync(portfolio, positions, Later(time.GetUtcNow(), fill.FilledAt), new AppliedFill(fill), cancellationToken);
    }

    /// <summary>The pushes to this instance's own connections, when it is the only Portfolio instance.</summary>
    protected override Task AfterCommitAsync(CancellationToken cancellationToken) => pushes.PushCommittedAsync(cancellationToken);

    /// <summary>The whole effect is what the save writes (the pushes follow it, after commit), so the inbox row joins it.</summary>
    protected override bool RecordWithSave => true;

    /// <summary>A fill already in the trade history (the same fill under another message id) is acknowledged, not retried.</summary>
    protected override bool IsAlreadyApplied(DbUpdateException exception) => exception.IsUniqueViolation("pk_fills");

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
