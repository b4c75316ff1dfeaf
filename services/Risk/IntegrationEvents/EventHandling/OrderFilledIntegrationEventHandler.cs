using MassTransit;
using TradeNova.Contracts.Execution;
using TradeNova.Risk.Checks;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.Trading.Orders;

namespace TradeNova.Risk.IntegrationEvents.EventHandling;

/// <summary>Moves position and cash of the fill's account (paper or live) between valuations, so an order placed right after a fill is checked against the
/// position it really has. Fills stamped at or before the last fill of the valuation the cash and positions come from
/// are already in them.</summary>
/// <remarks>Every fill pays for each round trip to PostgreSQL, so a fill is one: the inbox row and a single command that
/// locks the account's row (creating it if needed, as an upsert whose no-op update takes the same lock FOR UPDATE
/// would), then, unless the account's last valuation already counted the fill, upserts the position, removes a
/// position the fill closed and changes the cash, sent as one batch that PostgreSQL runs as one implicit transaction
/// (<see cref="InboxConsumer{TContext,TMessage}.SingleCommand"/>). The statements run in order, each seeing what was
/// committed before the lock was granted, so a valuation of the same account never interleaves with the change.</remarks>
public sealed class OrderFilledIntegrationEventHandler(RiskContext db) : InboxConsumer<RiskContext, OrderFilled>(db)
{
    /// <summary>A fill of an unknown side or mode changes nothing (its inbox row is still kept, by the usual path).</summary>
    protected override Task HandleAsync(ConsumeContext<OrderFilled> context, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override FormattableString? SingleCommand(OrderFilled fill)
    {
        var side = OrderRiskEvaluator.ParseSide(fill.Side);
        if (side is null || RiskAccounts.Parse(fill.Mode) is not { } mode)
        {
            return null;
        }

        var symbol = fill.Symbol.ToUpperInvariant();
        var signed = side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        var cashOut = signed * fill.Price + fill.Fee;
        // A new position starts at the fill's price as its average cost; a held one keeps its own. A fill stamped at or
        // before the last fill of the valuation the cash and positions come from (valuation_fills_through) is already in them.
        return $"""
             INSERT INTO risk.accounts (user_id, account, cash, equity, start_of_day_equity, peak_equity, monitor_last_equity, monitor_start_of_day_equity, monitor_peak_equity, daily_loss_halted, drawdown_halted, admin_halted)
             VALUES ({fill.UserId}, {mode}, 0, 0, 0, 0, 0, 0, 0, false, false, false)
             ON CONFLICT (user_id, account) DO UPDATE SET user_id = excluded.user_id;
             INSERT INTO risk.positions (user_id, account, symbol, quantity, average_cost, last_price)
             SELECT {fill.UserId}, {mode}, {symbol}, {signed}, {fill.Price}, {fill.Price}
             WHERE NOT EXISTS (SELECT 1 FROM risk.accounts WHERE user_id = {fill.UserId} AND account = {mode} AND valuation_fills_through >= {fill.FilledAt})
             ON CONFLICT (user_id, account, symbol) DO UPDATE SET quantity = positions.quantity + {signed}, last_price = excluded.last_price;
             DELETE FROM risk.positions WHERE user_id = {fill.UserId} AND account = {mode} AND symbol = {symbol} AND quantity = 0;
             UPDATE risk.accounts SET cash = cash - {cashOut}, equity = equity - {fill.Fee}, last_fill_at = GREATEST(last_fill_at, {fill.FilledAt})
             WHERE user_id = {fill.UserId} AND account = {mode} AND (valuation_fills_through IS NULL OR valuation_fills_through < {fill.FilledAt});
             """;
    }
}
