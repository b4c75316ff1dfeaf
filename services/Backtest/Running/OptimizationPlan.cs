using TradeNova.Backtest.Requests;
using TradeNova.Trading.Optimization;

namespace TradeNova.Backtest.Running;

/// <summary>A validated parameter search.</summary>
public sealed record OptimizationPlan(
    IReadOnlyList<ParameterRange> Ranges,
    IReadOnlyList<ParameterSet> Sets,
    OptimizationSettings Settings,
    string Search,
    int Top,
    WalkForwardSpec? WalkForward);
