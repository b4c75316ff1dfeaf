using TradeNova.Trading.Statistics;

namespace TradeNova.Backtest.Running;

/// <summary>A closed trade as the API and the CSV export show it.</summary>
public sealed record TradeRow(
    string? Strategy,
    string Symbol,
    decimal Quantity,
    DateTimeOffset EntryTime,
    decimal EntryPrice,
    DateTimeOffset ExitTime,
    decimal ExitPrice,
    decimal Fees,
    decimal NetProfit,
    string ExitReason);

/// <summary>Equity at a daily close and the drawdown from the running peak (a positive fraction).</summary>
public sealed record EquityRow(DateTimeOffset Time, decimal Equity, double Drawdown);

public sealed record PriceRow(DateTimeOffset Time, decimal Close);

public sealed record OpenPositionRow(string Symbol, decimal Quantity, decimal AverageEntryPrice, decimal LastPrice, decimal MarketValue);

public sealed record RejectionRow(DateTimeOffset Time, string Symbol, string Code, string Message);

/// <summary>One backtest's full result.</summary>
public sealed record RunOutput(
    string Label,
    decimal InitialCash,
    decimal FinalEquity,
    decimal FinalCash,
    decimal FeesPaid,
    PerformanceReport Statistics,
    IReadOnlyList<TradeRow> Trades,
    IReadOnlyList<EquityRow> Equity,
    IReadOnlyList<OpenPositionRow> OpenPositions,
    int RejectedOrders,
    IReadOnlyList<RejectionRow> Rejections,
    string? PriceSymbol,
    IReadOnlyList<PriceRow> Prices);

/// <summary>A comparison: each strategy's statistics side by side and their equity on one shared date axis.</summary>
public sealed record ComparisonOutput(
    IReadOnlyList<ComparisonEntry> Entries,
    IReadOnlyList<DateTimeOffset> Dates,
    string Benchmark);

public sealed record ComparisonEntry(string Label, string Strategy, bool IsBenchmark, decimal FinalEquity, PerformanceReport Statistics, int TradeCount, IReadOnlyList<decimal> Equity);

/// <summary>An optimisation: the ranking, every evaluation, the surface over the first two parameters, and the
/// walk-forward windows when asked for.</summary>
public sealed record OptimizationOutput(
    string Objective,
    string Search,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<string> Constraints,
    int Evaluated,
    int Valid,
    int Feasible,
    IReadOnlyList<EvaluationRow> Top,
    IReadOnlyList<EvaluationRow> All,
    SurfaceOutput? Surface,
    RunOutput? BestRun,
    WalkForwardOutput? WalkForward);

public sealed record EvaluationRow(
    int Rank,
    IReadOnlyDictionary<string, decimal> Parameters,
    double? Score,
    bool Feasible,
    double? TotalReturn,
    double? Cagr,
    double? Sharpe,
    double? MaxDrawdown,
    double? ProfitFactor,
    int? Trades,
    string? Error);

/// <summary>The objective over a grid of two parameters: <see cref="Scores"/>[y][x]; null where the set was invalid,
/// undefined or broke a constraint (<see cref="Feasible"/> tells which).</summary>
public sealed record SurfaceOutput(string X, string Y, IReadOnlyList<decimal> XValues, IReadOnlyList<decimal> YValues, IReadOnlyList<double?[]> Scores, IReadOnlyList<bool[]> Feasible);

public sealed record WalkForwardOutput(
    int InSampleBars,
    int OutOfSampleBars,
    double? Efficiency,
    double OutOfSampleTotalReturn,
    IReadOnlyList<WalkForwardWindowRow> Windows);

public sealed record WalkForwardWindowRow(
    int Window,
    DateTimeOffset InSampleStart,
    DateTimeOffset InSampleEnd,
    DateTimeOffset OutOfSampleStart,
    DateTimeOffset OutOfSampleEnd,
    IReadOnlyDictionary<string, decimal>? BestParameters,
    double? InSampleScore,
    double? InSampleCagr,
    double? OutOfSampleScore,
    double? OutOfSampleCagr,
    double? OutOfSampleReturn,
    double? OutOfSampleMaxDrawdown);
