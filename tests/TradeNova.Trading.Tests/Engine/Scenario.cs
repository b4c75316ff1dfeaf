using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Tests.Engine;

/// <summary>Runs a scripted strategy over hand-written series.</summary>
internal static class Scenario
{
    /// <summary>$10,000, no costs, no risk rules: the baseline of the worked examples.</summary>
    public static BacktestOptions Plain { get; } = new() { InitialCash = 10_000m, Risk = RiskLimits.None };

    public static BacktestResult Run(BacktestOptions options, Action<IStrategyContext, int> script, params BarSeries[] series) =>
        new BacktestEngine(options).Run(new ScriptedStrategy(series.Select(s => s.Symbol).ToArray(), script), series);
}
