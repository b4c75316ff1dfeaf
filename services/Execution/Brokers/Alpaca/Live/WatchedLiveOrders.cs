using System.Linq.Expressions;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>
/// The live orders whose news from Alpaca still matter: those working there, and those that ended here (canceled,
/// replaced, expired) less than <see cref="AlpacaOptions.SettleWindow"/> ago, which Alpaca may have filled before the end
/// took effect on its side. The stream supervisor keeps a user's stream for them and every reconnect looks them up.
/// </summary>
public static class WatchedLiveOrders
{
    public static Expression<Func<Order, bool>> Since(DateTimeOffset settledAfter) =>
        o => o.Mode == TradingModes.Live && o.SubmittedAt != null
             && (o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled
                 || ((o.Status == OrderStatuses.Canceled || o.Status == OrderStatuses.Replaced || o.Status == OrderStatuses.Expired)
                     && o.UpdatedAt > settledAfter));
}
