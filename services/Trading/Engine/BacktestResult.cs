using TradeNova.Trading.Broker;
using TradeNova.Trading.Results;
using TradeNova.Trading.Statistics;

namespace TradeNova.Trading.Engine;

/// <summary>Everything a backtest produced. Lists are in the order events happened (fills and trades by time, then
/// by order id), so two runs on the same inputs compare equal element by element.</summary>
/// <param name="EquityCurve">Equity at the last time step of each UTC date.</param>
/// <param name="BarsInMarket">Time steps at whose close at least one position was held.</param>
/// <param name="TotalBars">Time steps of the merged clock.</param>
/// <param name="UnfilledOrders">Orders still pending when the data ended (never filled), in submission order.</param>
/// <param name="Statistics">The platform's performance report of the run, or null when
/// <see cref="BacktestOptions.ComputeStatistics"/> is off.</param>
public sealed record BacktestResult(
    decimal InitialCash,
    decimal FinalCash,
    decimal FinalEquity,
    decimal FeesPaid,
    int BarsInMarket,
    int TotalBars,
    IReadOnlyList<Fill> Fills,
    IReadOnlyList<ClosedTrade> Trades,
    IReadOnlyList<EquityPoint> EquityCurve,
    IReadOnlyList<RejectedOrder> Rejections,
    IReadOnlyList<OpenPosition> OpenPositions,
    IReadOnlyList<UnfilledOrder> UnfilledOrders,
    PerformanceReport? Statistics);
