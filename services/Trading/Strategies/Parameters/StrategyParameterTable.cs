using TradeNova.Trading.Strategies.Rules;

namespace TradeNova.Trading.Strategies.Parameters;

/// <summary>
/// The typed parameter fields of each catalogue strategy, with the bounds the parameter records enforce (ParameterChecks:
/// periods 1..500), and the rule language — once, for the lab and live strategies alike. <c>StrategyCatalog</c> exposes
/// names and examples only; a test checks that these defaults are what the catalogue accepts and these bounds what it
/// refuses. Only the symbol defaults differ by caller (the lab's bundled history, the live universe).
/// </summary>
public static class StrategyParameterTable
{
    private const decimal MinPeriod = ParameterChecks.MinPeriod;
    private const decimal MaxPeriod = ParameterChecks.MaxPeriod;

    /// <summary>Every strategy's fields; <paramref name="defaultSymbols"/> (at least two) fill the symbol defaults, the
    /// first alone where one symbol is asked for.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<StrategyParameterField>> For(IReadOnlyList<string> defaultSymbols)
    {
        if (defaultSymbols.Count < 2)
        {
            throw new ArgumentException("At least two default symbols (momentum rotation needs two).", nameof(defaultSymbols));
        }

        var symbol = new StrategyParameterField("symbol", "symbol", "Symbol", defaultSymbols[0]);
        return new Dictionary<string, IReadOnlyList<StrategyParameterField>>(StringComparer.Ordinal)
        {
            ["buy-and-hold"] = [new("symbols", "symbols", "Symbols", new[] { defaultSymbols[0] }, MinItems: 1)],
            ["sma-crossover"] = [symbol, Period("fastPeriod", "Fast SMA period", 10), Period("slowPeriod", "Slow SMA period", 30)],
            ["ema-crossover"] = [symbol, Period("fastPeriod", "Fast EMA period", 12), Period("slowPeriod", "Slow EMA period", 26)],
            ["rsi-mean-reversion"] =
            [
                symbol, Period("period", "RSI period", 14),
                new("oversold", "number", "Oversold level", 30, 0, 100, ExclusiveMinimum: true, ExclusiveMaximum: true),
                new("overbought", "number", "Overbought level", 70, 0, 100, ExclusiveMinimum: true, ExclusiveMaximum: true),
            ],
            ["bollinger-mean-reversion"] =
            [
                symbol, Period("period", "Band period", 20, 2),
                new("multiplier", "number", "Width (standard deviations)", 2, 0, 5, ExclusiveMinimum: true),
            ],
            ["donchian-breakout"] = [symbol, Period("entryPeriod", "Entry channel (bars)", 20), Period("exitPeriod", "Exit channel (bars)", 10)],
            ["momentum-rotation"] =
            [
                new("symbols", "symbols", "Symbols", defaultSymbols.ToArray(), MinItems: 2),
                Period("lookbackDays", "Lookback (bars)", 63),
                new("topCount", "integer", "Hold the best", 1, 1, 49),
                Period("rebalanceEveryDays", "Rebalance every (bars)", 21),
            ],
            ["rules"] = [],
        };
    }

    public static RuleLanguageDescription RuleLanguage { get; } = new(
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
            Indicator("atr", false, ["value"], new RuleSettingDescription("period", 14, MinPeriod, MaxPeriod)),
            Indicator("macd", true, ["line", "signal", "histogram"], new RuleSettingDescription("fastPeriod", 12, MinPeriod, MaxPeriod),
                new RuleSettingDescription("slowPeriod", 26, MinPeriod, MaxPeriod), new RuleSettingDescription("signalPeriod", 9, MinPeriod, MaxPeriod)),
            Indicator("bollinger", true, ["middle", "upper", "lower", "percentB"], new RuleSettingDescription("period", 20, 2, MaxPeriod),
                new RuleSettingDescription("multiplier", 2, 0.1m, 5)),
            Indicator("stochastic", false, ["k", "d"], new RuleSettingDescription("period", 14, MinPeriod, MaxPeriod),
                new RuleSettingDescription("signalPeriod", 3, MinPeriod, MaxPeriod)),
        ],
        (int)MaxPeriod,
        RuleLimits.MaxBarsAgo);

    private static StrategyParameterField Period(string name, string label, int value, decimal minimum = MinPeriod) =>
        new(name, "integer", label, value, minimum, MaxPeriod);

    private static RuleSettingDescription Required(string name) => new(name, null, MinPeriod, MaxPeriod);

    private static RuleIndicatorDescription Indicator(string name, bool source, IReadOnlyList<string> outputs, params RuleSettingDescription[] settings) =>
        new(name, settings, outputs, source);
}
