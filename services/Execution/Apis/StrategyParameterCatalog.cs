using TradeNova.Trading.Strategies;

namespace TradeNova.Execution.Apis;

/// <summary>The typed parameter fields of each catalogue strategy, as the lab's catalogue describes them (Backtest's
/// StrategyParameterCatalog; services share no code but services/Trading), with symbol defaults from the live universe.</summary>
public static class StrategyParameterCatalog
{
    private const decimal MinPeriod = ParameterChecks.MinPeriod;
    private const decimal MaxPeriod = ParameterChecks.MaxPeriod;

    private static ParameterView Symbol() => new("symbol", "symbol", "Symbol", "SPY");

    private static ParameterView Period(string name, string label, int value, decimal minimum = MinPeriod) =>
        new(name, "integer", label, value, minimum, MaxPeriod);

    public static IReadOnlyDictionary<string, IReadOnlyList<ParameterView>> Parameters { get; } = new Dictionary<string, IReadOnlyList<ParameterView>>
    {
        ["buy-and-hold"] = [new("symbols", "symbols", "Symbols", new[] { "SPY" }, MinItems: 1)],
        ["sma-crossover"] = [Symbol(), Period("fastPeriod", "Fast SMA period", 10), Period("slowPeriod", "Slow SMA period", 30)],
        ["ema-crossover"] = [Symbol(), Period("fastPeriod", "Fast EMA period", 12), Period("slowPeriod", "Slow EMA period", 26)],
        ["rsi-mean-reversion"] =
        [
            Symbol(), Period("period", "RSI period", 14),
            new("oversold", "number", "Oversold level", 30, 0, 100, ExclusiveMinimum: true, ExclusiveMaximum: true),
            new("overbought", "number", "Overbought level", 70, 0, 100, ExclusiveMinimum: true, ExclusiveMaximum: true),
        ],
        ["bollinger-mean-reversion"] =
        [
            Symbol(), Period("period", "Band period", 20, 2),
            new("multiplier", "number", "Width (standard deviations)", 2, 0, 5, ExclusiveMinimum: true),
        ],
        ["donchian-breakout"] = [Symbol(), Period("entryPeriod", "Entry channel (bars)", 20), Period("exitPeriod", "Exit channel (bars)", 10)],
        ["momentum-rotation"] =
        [
            new("symbols", "symbols", "Symbols", new[] { "SPY", "QQQ", "DIA" }, MinItems: 2),
            Period("lookbackDays", "Lookback (bars)", 63),
            new("topCount", "integer", "Hold the best", 1, 1, 49),
            Period("rebalanceEveryDays", "Rebalance every (bars)", 21),
        ],
        ["rules"] = [],
    };

    public static RuleLanguageView RuleLanguage { get; } = new(
        [">", ">=", "<", "<=", "crossesAbove", "crossesBelow"],
        ["close", "open", "high", "low", "volume"],
        [
            Indicator("sma", true, ["value"], Required("period")),
            Indicator("ema", true, ["value"], Required("period")),
            Indicator("wma", true, ["value"], Required("period")),
            Indicator("rsi", true, ["value"], Required("period")),
            Indicator("highest", true, ["value"], Required("period")),
            Indicator("lowest", true, ["value"], Required("period")),
            Indicator("volumeAverage", false, ["value"], Required("period")),
            Indicator("atr", false, ["value"], new RuleSettingView("period", 14, MinPeriod, MaxPeriod)),
            Indicator("macd", true, ["line", "signal", "histogram"], new RuleSettingView("fastPeriod", 12, MinPeriod, MaxPeriod), new RuleSettingView("slowPeriod", 26, MinPeriod, MaxPeriod), new RuleSettingView("signalPeriod", 9, MinPeriod, MaxPeriod)),
            Indicator("bollinger", true, ["middle", "upper", "lower", "percentB"], new RuleSettingView("period", 20, 2, MaxPeriod), new RuleSettingView("multiplier", 2, 0.1m, 5)),
            Indicator("stochastic", false, ["k", "d"], new RuleSettingView("period", 14, MinPeriod, MaxPeriod), new RuleSettingView("signalPeriod", 3, MinPeriod, MaxPeriod)),
        ],
        (int)MaxPeriod,
        100);

    private static RuleSettingView Required(string name) => new(name, null, MinPeriod, MaxPeriod);

    private static RuleIndicatorView Indicator(string name, bool source, IReadOnlyList<string> outputs, params RuleSettingView[] settings) =>
        new(name, settings, outputs, source);
}
