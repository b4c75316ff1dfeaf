using TradeNova.Contracts.Portfolio;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Monitoring;

/// <summary>
/// What a valuation does to the read model of its (locked) account: equity, start-of-day and peak; cash and the positions
/// it lists when it holds every fill the account has seen (the caller has deleted the previous positions); then the
/// post-trade monitors on it.
/// </summary>
public static class ValuationReadModel
{
    /// <summary>A valuation older than the one already applied changes nothing (valuations carry state, not deltas).</summary>
    public static bool IsNewer(RiskAccount account, PortfolioValued valued) => account.ValuedAt is not { } applied || valued.ValuedAt >= applied;

    /// <summary>
    /// Whether the valuation's cash and positions replace the account's: only if it holds every fill <c>OrderFilled</c>
    /// has added. A valuation stamped after a fill may have been taken before the portfolio applied it (the periodic pass
    /// and the fill race); its cash and positions would drop that fill until the next valuation, and let an order through
    /// that the fill's position forbids. Its equity still counts (a fill at the market moves equity by its fee only).
    /// </summary>
    public static bool HoldsEveryFill(RiskAccount account, PortfolioValued valued) =>
        account.LastFillAt is not { } seen || (valued.LastFillAt is { } through && through >= seen);

    public static void Apply(RiskContext db, IOutbox outbox, RiskAccount account, PortfolioValued valued, RiskLimits limits)
    {
        var replacesPositions = HoldsEveryFill(account, valued);
        account.PortfolioId = valued.PortfolioId;
        account.Equity = valued.Equity;
        account.StartOfDayEquity = valued.StartOfDayEquity;
        account.PeakEquity = valued.PeakEquity;
        account.ValuedAt = valued.ValuedAt;
        if (replacesPositions)
        {
            account.Cash = valued.Cash;
            account.ValuationFillsThrough = valued.LastFillAt;
            AddPositions(db, account, valued);
        }

        PostTradeMonitor.Observe(account, limits, valued.ValuedAt, valued.Equity, valued.StartOfDayEquity, valued.PeakEquity, outbox);
    }

    private static void AddPositions(RiskContext db, RiskAccount account, PortfolioValued valued)
    {
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
    }
}
