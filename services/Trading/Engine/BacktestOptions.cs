using TradeNova.Trading.Costs;
using TradeNova.Trading.Results;
using TradeNova.Trading.Risk;

namespace TradeNova.Trading.Engine;

/// <summary>How a backtest runs. The defaults are the platform's: no costs (so costs appear only when asked for), the
/// platform risk rules (the same as live trading; pass <see cref="RiskLimits.None"/> to switch them off), long only,
/// whole shares.</summary>
public sealed record BacktestOptions
{
    public decimal InitialCash { get; init; } = 100_000m;

    public ICommissionModel Commission { get; init; } = ZeroCommission.Instance;

    public ISlippageModel Slippage { get; init; } = ZeroSlippage.Instance;

    public RiskLimits Risk { get; init; } = RiskLimits.PlatformDefaults;

    /// <summary>When false (the default) a sell that would leave a negative position is rejected.</summary>
    public bool AllowShortSelling { get; init; }

    /// <summary>When false (the default) quantities are whole shares and sizes resolved at the fill round down.</summary>
    public bool AllowFractionalShares { get; init; }

    /// <summary>Smallest quantity step when fractional shares are allowed.</summary>
    public decimal FractionalShareIncrement { get; init; } = 0.000001m;

    /// <summary>Whether to compute the performance report at the end (an optimiser ranking on final equity alone may
    /// switch it off).</summary>
    public bool ComputeStatistics { get; init; } = true;

    /// <summary>Daily equity of a benchmark (for example buy-and-hold of the index) for alpha and beta.</summary>
    public IReadOnlyList<EquityPoint>? Benchmark { get; init; }

    internal decimal QuantityIncrement => AllowFractionalShares ? FractionalShareIncrement : 1m;
}
