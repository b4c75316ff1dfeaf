using TradeNova.Trading.Statistics;

namespace TradeNova.Backtest.Running;

/// <summary>What a worker stores for a finished job: the kind's payload, the primary run's trades and equity
/// (exports), its headline figures for the list, and the data it used.</summary>
public sealed record JobOutcome(
    object Payload,
    IReadOnlyList<TradeRow> Trades,
    IReadOnlyList<EquityRow> Equity,
    decimal FinalEquity,
    PerformanceReport Statistics,
    LoadedData Data);
