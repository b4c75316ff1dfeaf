using MassTransit;
using TradeNova.Contracts.Execution;
using TradeNova.Risk.Checks;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.Trading.Orders;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Moves position and cash of the fill's account (paper or live) between valuations, so an order placed right after a fill is checked against the
/// position it really has. Fills stamped at or before the last fill of the valuation the cash and positions come from
/// are already in them.</summary>
/// <remarks>Every fill pays for each round trip to PostgreSQL, so after the inbox row there are two: the account's row
/// lock (which also reads its valuation time), then the position upsert, the removal of a position the fill closed and
/// the cash change in one command; the commit is the third. Nothing is left for SaveChanges, which inside the inbox
/// transaction would cost a round trip more (EF's savepoint release). The account's lock, taken first as before, keeps
/// a valuation of the same account from interleaving with the position and cash change.</remarks>
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

        var account = await Db.LockAccountInOneTripAsync(fill.UserId, mode, cancellationToken);
        if (account.ValuationFillsThrough is { } through && fill.FilledAt <= through)
        {
            return;
        }

        var symbol = fill.Symbol.ToUpperInvariant();
        var signed = side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        var cashOut = signed * fill.Price + fill.Fee;
        // A new position starts at the fill's price as its average cost; a held one keeps its own.
        await Db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO risk.positions (user_id, account, symbol, quantity, average_cost, last_price)
             VALUES ({fill.UserId}, {mode}, {symbol}, {signed}, {fill.Price}, {fill.Price})
             ON CONFLICT (user_id, account, symbol) DO UPDATE SET quantity = positions.quantity + {signed}, last_price = excluded.last_price;
             DELETE FROM risk.positions WHERE user_id = {fill.UserId} AND account = {mode} AND symbol = {symbol} AND quantity = 0;
             UPDATE risk.accounts SET cash = cash - {cashOut}, equity = equity - {fill.Fee}, last_fill_at = GREATEST(last_fill_at, {fill.FilledAt})
             WHERE user_id = {fill.UserId} AND account = {mode};
             """,
            cancellationToken);
    }
}
