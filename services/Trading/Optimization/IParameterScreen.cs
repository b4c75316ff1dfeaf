using TradeNova.Trading.Engine;

namespace TradeNova.Trading.Optimization;

/// <summary>Implemented by the target of an <see cref="EvaluateParameterSet"/> that can give some sets'
/// <see cref="ScreenedFigures"/> exactly without the engine. <see cref="Optimizer"/> looks for it when the settings ask
/// for <see cref="OptimizationSettings.DetailedTop"/>, so callers keep passing the plain delegate.</summary>
internal interface IParameterScreen
{
    /// <summary>One entry per set, in order: its figures, or null where the set must run through the engine (it is
    /// invalid, or outside what the shortcut reproduces). Null when no set can be screened.</summary>
    ScreenedFigures?[]? Screen(IReadOnlyList<ParameterSet> sets, MarketDataSet data, int maxDegreeOfParallelism, CancellationToken cancellationToken);
}
