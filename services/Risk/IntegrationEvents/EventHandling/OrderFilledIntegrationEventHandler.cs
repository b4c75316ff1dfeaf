using MassTransit;
using TradeNova.Contracts.Execution;
using TradeNova.Risk.Checks;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.Trading.Orders;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Moves position and cash of the fill's account (paper or live) between valuations, so an order placed right after a fill is checked against the
/// position it really has. Fills stamped at or before the last applied valuation are already in it.</summary>
public sealed class OrderFilledIntegrationEventHandler(RiskContext db) : InboxConsumer<RiskContext, OrderFilled>(db)
{
    protected override async Task HandleAsync(ConsumeContext<OrderFilled> context, CancellationToken cancellationToken)
    {
        var fill = context.Message;
        var side = OrderRiskEvaluator.ParseSide(fill.Side);
        if (side is null || RiskAccounts.Parse(fill.Mode) is not { } mode)
        {
            return;
        }

        var account = await Db.LockAccountAsync(fill.UserId, mode, cancellationToken);
        if (account.ValuedAt is { } valuedAt && fill.FilledAt <= valuedAt)
        {
            return;
        }

        var symbol = fill.Symbol.ToUpperInvariant();
        var signed = side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        var position = await Db.Positions.SingleOrDefaultAsync(p => p.UserId == fill.UserId && p.Account == mode && p.Symbol == symbol, cancellationToken);
        if (position is null)
        {
            position = new RiskPosition { UserId = fill.UserId, Account = mode, Symbol = symbol, AverageCost = fill.Price };
            Db.Positions.Add(position);
        }

        position.Quantity += signed;
        position.LastPrice = fill.Price;
        if (position.Quantity == 0m)
        {
            Db.Positions.Remove(position);
        }

        account.Cash -= signed * fill.Price + fill.Fee;
        account.Equity -= fill.Fee;
    }
}
