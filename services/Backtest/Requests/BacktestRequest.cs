using System.Text.Json;

namespace TradeNova.Backtest.Requests;

/// <summary>What a user asks the lab to run. One shape for the three kinds: a backtest needs <see cref="Strategy"/>,
/// a comparison <see cref="Strategies"/>, an optimisation <see cref="Strategy"/> and <see cref="Optimization"/>.
/// Everything left out takes the platform's default: $100,000, the whole history, the strategy's own sizing, whole
/// shares, no costs and the platform risk rules.</summary>
public sealed record BacktestRequest
{
    public string? Name { get; init; }

    /// <summary>First trading day to include (inclusive); null = the start of the data.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Last trading day to include (inclusive); null = the end of the data.</summary>
    public DateOnly? End { get; init; }

    public decimal? InitialCash { get; init; }

    public StrategySpec? Strategy { get; init; }

    public IReadOnlyList<StrategySpec>? Strategies { get; init; }

    public SizingSpec? Sizing { get; init; }

    public bool? FractionalShares { get; init; }

    public CommissionSpec? Commission { get; init; }

    public SlippageSpec? Slippage { get; init; }

    /// <summary>Null = the platform risk rules; see <see cref="RiskSpec"/> to change or switch them off.</summary>
    public RiskSpec? Risk { get; init; }

    /// <summary>Seed of the synthetic series generated for symbols with no data (default 42).</summary>
    public int? SyntheticSeed { get; init; }

    public OptimizationSpec? Optimization { get; init; }

    /// <summary>Null = the platform's data (uploads, bundled history, synthetic); see <see cref="DataSpec"/> for Alpaca.</summary>
    public DataSpec? Data { get; init; }
}

/// <summary>Where the bars come from: <c>alpaca</c> fetches every symbol's bars through the user's own Alpaca keys at
/// submission (cached per user, symbol, timeframe and day range); <see cref="Timeframe"/> is <c>1Min</c>, <c>5Min</c>, <c>15Min</c>,
/// <c>1Hour</c> or <c>1Day</c> (the default).</summary>
public sealed record DataSpec(string? Source, string? Timeframe = null);

/// <summary>A catalogue strategy by name with its parameters (for <c>rules</c>, the rule document).</summary>
public sealed record StrategySpec(string? Name, JsonElement Parameters, string? Label = null);

/// <summary><c>strategy</c> (the strategy's own), <c>all-cash</c>, <c>percent-of-equity</c> (value = fraction 0..1],
/// <c>fixed-shares</c> (value = shares) or <c>fixed-dollars</c> (value = amount per entry).</summary>
public sealed record SizingSpec(string? Mode, decimal? Value = null);

/// <summary>Commission parts, summed per order, then the minimum applied; all default to 0.</summary>
public sealed record CommissionSpec(decimal? PerShare = null, decimal? PercentOfNotional = null, decimal? PerOrder = null, decimal? MinimumPerOrder = null);

/// <summary>At most one model: <see cref="Bps"/> of the price, or <see cref="RangeFraction"/> of the bar's range.</summary>
public sealed record SlippageSpec(decimal? Bps = null, decimal? RangeFraction = null);

/// <summary>The risk rules of the run: the platform defaults, with any value given replacing the default, rules named
/// in <see cref="Disabled"/> switched off, and everything off when <see cref="Enabled"/> is false.</summary>
public sealed record RiskSpec(
    bool Enabled = true,
    decimal? MaxPositionFraction = null,
    int? MaxOpenPositions = null,
    decimal? DailyLossFraction = null,
    decimal? MaxDrawdownFraction = null,
    decimal? StopLoss = null,
    decimal? TakeProfit = null,
    IReadOnlyList<string>? Disabled = null);

/// <summary>The parameter search of an optimisation.</summary>
/// <param name="Search"><c>grid</c> (default) or <c>random</c>.</param>
/// <param name="Samples">Sets drawn by a random search.</param>
/// <param name="Objective">sharpe (default), cagr, calmar, total_return or profit_factor.</param>
public sealed record OptimizationSpec(
    IReadOnlyList<RangeSpec>? Parameters,
    string? Search = null,
    int? Samples = null,
    int? Seed = null,
    string? Objective = null,
    IReadOnlyList<ConstraintSpec>? Constraints = null,
    WalkForwardSpec? WalkForward = null,
    int? Top = null);

public sealed record RangeSpec(string? Name, decimal Min, decimal Max, decimal Step = 1);

/// <summary>For example <c>{"metric": "max_drawdown", "op": "&lt;", "value": 0.2}</c>.</summary>
public sealed record ConstraintSpec(string? Metric, string? Op, double Value);

/// <summary>Rolling windows in trading days (bars), e.g. 756 in sample (3 years) and 252 out of sample.</summary>
public sealed record WalkForwardSpec(int InSampleBars, int OutOfSampleBars);
