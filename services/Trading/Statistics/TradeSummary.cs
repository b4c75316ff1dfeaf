using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>Trade-level figures. A trade wins when its net profit (after fees) is above zero and loses when below;
/// a trade at exactly zero counts in <see cref="Count"/> but is neither.</summary>
internal readonly record struct TradeSummary(
    int Count,
    int Wins,
    int Losses,
    double? WinRate,
    double? ProfitFactor,
    decimal? AverageWin,
    decimal? AverageLoss,
    decimal? Expectancy)
{
    public static TradeSummary Of(IReadOnlyList<ClosedTrade> trades)
    {
        var wins = 0;
        var losses = 0;
        var grossWin = 0m;
        var grossLoss = 0m;
        foreach (var trade in trades)
        {
            var net = trade.NetProfit;
            if (net > 0)
            {
                wins++;
                grossWin += net;
            }
            else if (net < 0)
            {
                losses++;
                grossLoss += net;
            }
        }

        var count = trades.Count;
        return new TradeSummary(
            count,
            wins,
            losses,
            count == 0 ? null : (double)wins / count,
            losses == 0 ? null : (double)(grossWin / -grossLoss),
            wins == 0 ? null : grossWin / wins,
            losses == 0 ? null : grossLoss / losses,
            count == 0 ? null : (grossWin + grossLoss) / count);
    }
}
