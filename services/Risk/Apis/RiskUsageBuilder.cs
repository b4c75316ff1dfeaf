using TradeNova.Risk.Checks;

namespace TradeNova.Risk.Apis;

/// <summary>Turns the read model into "how close is each limit" figures for the risk page.</summary>
public static class RiskUsageBuilder
{
    public static RiskUsageResponse Build(
        RiskProfile profile, RiskAccount? account, IReadOnlyList<RiskPosition> positions, MarketPriceCache prices, int ordersLastMinute, int maxOrdersPerMinute)
    {
        var equity = account?.Equity ?? 0m;
        var positionUsage = positions
            .Select(p =>
            {
                var price = prices.TryGet(p.Symbol, out var last) ? last : p.LastPrice;
                var value = Math.Abs(p.Quantity) * price;
                var fraction = equity > 0m ? value / equity : 0m;
                return new PositionUsage(p.Symbol, p.Quantity, Math.Round(value, 2), Math.Round(fraction, 6),
                    profile.MaxPositionFraction, Ratio(fraction, profile.MaxPositionFraction));
            })
            .OrderByDescending(p => p.Usage)
            .ToList();

        var startOfDay = account is { HasMonitorState: true } ? account.MonitorStartOfDayEquity : account?.StartOfDayEquity ?? 0m;
        var peak = account is { HasMonitorState: true } ? account.MonitorPeakEquity : account?.PeakEquity ?? 0m;
        var dayLoss = startOfDay > 0m ? Math.Max(0m, (startOfDay - equity) / startOfDay) : 0m;
        var drawdown = peak > 0m ? Math.Max(0m, (peak - equity) / peak) : 0m;

        return new RiskUsageResponse(
            equity,
            account?.Cash ?? 0m,
            startOfDay,
            peak,
            account?.ValuedAt,
            positionUsage,
            new LimitUsage(positions.Count, profile.MaxOpenPositions, Ratio(positions.Count, profile.MaxOpenPositions)),
            new LimitUsage(Math.Round(dayLoss, 6), profile.DailyLossFraction, Ratio(dayLoss, profile.DailyLossFraction)),
            new LimitUsage(Math.Round(drawdown, 6), profile.MaxDrawdownFraction, Ratio(drawdown, profile.MaxDrawdownFraction)),
            new LimitUsage(ordersLastMinute, maxOrdersPerMinute, Ratio(ordersLastMinute, maxOrdersPerMinute)));
    }

    private static decimal Ratio(decimal used, decimal limit) => limit > 0m ? Math.Round(used / limit, 4) : 0m;
}
