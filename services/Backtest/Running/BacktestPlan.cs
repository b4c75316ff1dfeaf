using TradeNova.Backtest.Requests;
using TradeNova.Trading.Engine;

namespace TradeNova.Backtest.Running;

/// <summary>A request after validation: everything a worker needs to run it, built the same way at submission and
/// when the stored request is run.</summary>
public sealed record BacktestPlan(
    string Kind,
    BacktestRequest Request,
    IReadOnlyList<PlannedStrategy> Strategies,
    IReadOnlyList<string> Symbols,
    BacktestOptions Options,
    OrderSizingChoice Sizing,
    OptimizationPlan? Optimization)
{
    public int SyntheticSeed => Request.SyntheticSeed ?? 42;

    public decimal QuantityIncrement => Options.AllowFractionalShares ? Options.FractionalShareIncrement : 1m;
}
