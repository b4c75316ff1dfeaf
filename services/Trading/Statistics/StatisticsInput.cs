using TradeNova.Trading.Results;

namespace TradeNova.Trading.Statistics;

/// <summary>Everything <see cref="PerformanceStatistics.Compute"/> needs. Backtests and live portfolios both build one,
/// so that a strategy's figures mean the same thing wherever they are shown.</summary>
/// <param name="Equity">Equity at each daily close, in strictly increasing time order.</param>
/// <param name="Trades">Closed round trips, net of fees.</param>
/// <param name="FeesPaid">All commissions paid over the period (including those of still-open positions).</param>
/// <param name="BarsInMarket">Time steps on which at least one position was held.</param>
/// <param name="TotalBars">All time steps of the period.</param>
/// <param name="Benchmark">Optional benchmark value series (e.g. buy-and-hold S&amp;P 500) for alpha and beta.</param>
public sealed record StatisticsInput(
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<ClosedTrade> Trades,
    decimal FeesPaid,
    int BarsInMarket,
    int TotalBars,
    IReadOnlyList<EquityPoint>? Benchmark = null);
