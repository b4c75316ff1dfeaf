namespace TradeNova.Execution.Brokers.Alpaca.Reconciliation;

/// <summary>Alpaca's order statuses in TradeNova's vocabulary (<see cref="OrderStatuses"/>).</summary>
public static class AlpacaOrderStatusMap
{
    /// <summary>The TradeNova status, or null for one Alpaca may add later (then only fills are reconciled).</summary>
    public static string? ToLocal(string alpacaStatus, decimal filledQuantity) => alpacaStatus switch
    {
        "filled" => OrderStatuses.Filled,
        "partially_filled" => OrderStatuses.PartiallyFilled,
        "canceled" => OrderStatuses.Canceled,
        "expired" => OrderStatuses.Expired,
        "rejected" => OrderStatuses.Rejected,
        "replaced" => OrderStatuses.Replaced,
        // Still working at Alpaca (including a cancel or replace it has not confirmed yet, and an order done for the day).
        "new" or "accepted" or "pending_new" or "accepted_for_bidding" or "held" or "calculated" or "stopped" or "suspended"
            or "pending_cancel" or "pending_replace" or "done_for_day"
            => filledQuantity > 0 ? OrderStatuses.PartiallyFilled : OrderStatuses.Accepted,
        _ => null,
    };

    /// <summary>Orders only move forward: working, partly filled, then one final status.</summary>
    public static int Rank(string localStatus) => localStatus switch
    {
        OrderStatuses.PendingRisk => 0,
        OrderStatuses.Accepted => 1,
        OrderStatuses.PartiallyFilled => 2,
        _ => 3,
    };
}
