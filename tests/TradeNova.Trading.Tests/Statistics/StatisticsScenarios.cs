using TradeNova.Trading.Indicators;
using TradeNova.Trading.Results;
using TradeNova.Trading.Statistics;
using TradeNova.Trading.Tests.IndicatorTests;

namespace TradeNova.Trading.Tests.StatisticsTests;

/// <summary>Inputs for the statistics reference comparison: a realistic curve with trades and fees on the bundled
/// S&amp;P 500 history, and the edge cases (flat, single point, never recovering, benchmark with missing dates).</summary>
internal static class StatisticsScenarios
{
    private static readonly DateTimeOffset Day0 = new(2021, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, Func<StatisticsInput>> All { get; } = new Dictionary<string, Func<StatisticsInput>>
    {
        ["trend-following-on-sp500-with-benchmark"] = () => TrendFollowing(benchmarkGaps: false),
        ["trend-following-benchmark-with-missing-and-extra-dates"] = () => TrendFollowing(benchmarkGaps: true),
        ["flat-equity-without-trades"] = () => new StatisticsInput(Curve(100_000m, 100_000m, 100_000m, 100_000m), [], 0m, 0, 4),
        ["single-point"] = () => new StatisticsInput(Curve(50_000m), [], 0m, 0, 1),
        ["never-recovers-with-only-losing-trades"] = () => new StatisticsInput(
            Curve(1000m, 1010m, 990m, 950m, 970m, 900m), [Trade(10m, 100m, 95m, 1.25m), Trade(5m, 20m, 18.5m, 0m)], 1.25m, 5, 6),
        ["only-winning-trades-and-a-recovery"] = () => new StatisticsInput(
            Curve(1000m, 1100m, 1050m, 1100m, 1210m), [Trade(3m, 10m, 12.5m, 0.5m), Trade(1m, 100m, 110m, 0m)], 0.5m, 2, 5,
            Curve(50m, 51m, 50.5m, 52m, 53m)),
        ["tenfold-in-a-day"] = () => new StatisticsInput(Curve(100m, 1000m, 990m), [], 0m, 2, 3),
    };

    private static EquityPoint[] Curve(params decimal[] values) =>
        [.. values.Select((v, i) => new EquityPoint(Day0.AddDays(i), v))];

    private static ClosedTrade Trade(decimal quantity, decimal entry, decimal exit, decimal fees) =>
        new("TEST", quantity, Day0, entry, Day0.AddDays(1), exit, fees, "test");

    /// <summary>Long the S&amp;P 500 while its close is above SMA(50), flat otherwise; whole shares at the close, commission
    /// $1 + 0.05% of notional (rounded to cents) per side. Built here, not by the engine, so the statistics comparison
    /// stands on its own; the benchmark is the index itself.</summary>
    private static StatisticsInput TrendFollowing(bool benchmarkGaps)
    {
        var bars = Sp500Bars.All;
        var sma = new SimpleMovingAverage(50);
        decimal cash = 100_000m, quantity = 0m, entryPrice = 0m, entryFee = 0m, fees = 0m;
        var entryTime = DateTimeOffset.MinValue;
        var equity = new List<EquityPoint>();
        var trades = new List<ClosedTrade>();
        var barsInMarket = 0;

        foreach (var bar in bars)
        {
            sma.Update(bar);
            if (sma.IsReady && quantity == 0 && (double)bar.Close > sma.Value)
            {
                quantity = Math.Floor(cash / (bar.Close * 1.0005m + 1m));
                entryFee = Commission(quantity * bar.Close);
                cash -= quantity * bar.Close + entryFee;
                (entryPrice, entryTime) = (bar.Close, bar.Time);
                fees += entryFee;
            }
            else if (sma.IsReady && quantity > 0 && (double)bar.Close < sma.Value)
            {
                var exitFee = Commission(quantity * bar.Close);
                cash += quantity * bar.Close - exitFee;
                fees += exitFee;
                trades.Add(new ClosedTrade("SPX", quantity, entryTime, entryPrice, bar.Time, bar.Close, entryFee + exitFee, "below-sma"));
                quantity = 0;
            }

            if (quantity > 0)
                barsInMarket++;
            equity.Add(new EquityPoint(bar.Time, cash + quantity * bar.Close));
        }

        var benchmark = bars
            .Where((_, i) => !benchmarkGaps || i % 7 != 3)
            .Select(b => new EquityPoint(b.Time, b.Close))
            .Concat(benchmarkGaps ? bars.Take(40).Select(b => new EquityPoint(b.Time.AddHours(12), b.Close * 2)) : [])
            .OrderBy(p => p.Time)
            .ToArray();
        return new StatisticsInput(equity, trades, fees, barsInMarket, bars.Length, benchmark);
    }

    private static decimal Commission(decimal notional) => 1m + Math.Round(notional * 0.0005m, 2, MidpointRounding.AwayFromZero);
}
