using TradeNova.Contracts.Portfolio;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Monitoring;

/// <summary>
/// What a valuation does to the read model of its (locked) account: equity, cash, start-of-day and peak, the positions
/// it lists (the caller has deleted the previous ones), then the post-trade monitors on it.
/// </summary>
public static class ValuationReadModel
{
    /// <summary>A valuation older than the one already applied changes nothing (valuations carry state, not deltas).</summary>
    public static bool IsNewer(RiskAccount account, PortfolioValued valued) => account.ValuedAt is not { } applied || valued.ValuedAt >= applied;

    public static void Apply(RiskContext db, IOutbox outbox, RiskAccount account, PortfolioValued valued, RiskLimits limits)
    {
        account.PortfolioId = valued.PortfolioId;
        account.Cash = valued.Cash;
        account.Equity = valued.Equity;
        account.StartOfDayEquity = valued.StartOfDayEquity;
        account.PeakEquity = valued.PeakEquity;
        account.ValuedAt = valued.ValuedAt;
        foreach (var position in valued.Positions.Where(p => p.Quantity != 0m))
        {
            db.Positions.Add(new RiskPosition
            {
                UserId = account.UserId,
                Account = account.Account,
                Symbol = position.Symbol.ToUpperInvariant(),
                Quantity = position.Quantity,
                AverageCost = position.AverageCost,
                LastPrice = position.LastPrice,
            });
        }

        PostTradeMonitor.Observe(account, limits, valued.ValuedAt, valued.Equity, valued.StartOfDayEquity, valued.PeakEquity, outbox);
    }
}
