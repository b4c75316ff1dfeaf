using System.Text.Json;
using TradeNova.Trading.Strategies.BuiltIn;
using TradeNova.Trading.Strategies.Rules;

namespace TradeNova.Trading.Strategies;

/// <summary>Creates strategies by name from JSON parameters, validating them, for services that take strategies as
/// user input (Backtest, Execution). Built-in strategies and declarative rule strategies ("rules") are the only kinds:
/// no user code is ever loaded or executed.</summary>
public static class StrategyCatalog
{
    private static readonly Dictionary<string, (StrategyDescriptor Descriptor, Func<JsonElement, StrategyCreation> Create)> Entries =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["buy-and-hold"] = (
                new("buy-and-hold", "Buy and hold", "Buys the symbols in equal parts on their first bar and never sells.",
                    """{"symbols":["SPX"]}"""),
                json => Build<BuyAndHoldParameters>(json, p => new BuyAndHoldStrategy(p))),
            ["sma-crossover"] = (
                new("sma-crossover", "SMA crossover", "Long when the fast simple moving average crosses above the slow one; flat when it crosses below.",
                    """{"symbol":"SPX","fastPeriod":10,"slowPeriod":30}"""),
                json => Build<SmaCrossoverParameters>(json, p => new SmaCrossoverStrategy(p))),
            ["ema-crossover"] = (
                new("ema-crossover", "EMA crossover", "Long when the fast exponential moving average crosses above the slow one; flat when it crosses below.",
                    """{"symbol":"SPX","fastPeriod":12,"slowPeriod":26}"""),
                json => Build<EmaCrossoverParameters>(json, p => new EmaCrossoverStrategy(p))),
            ["rsi-mean-reversion"] = (
                new("rsi-mean-reversion", "RSI mean reversion", "Buys when RSI is below the oversold level; sells when it is above the overbought level.",
                    """{"symbol":"SPX","period":14,"oversold":30,"overbought":70}"""),
                json => Build<RsiMeanReversionParameters>(json, p => new RsiMeanReversionStrategy(p))),
            ["bollinger-mean-reversion"] = (
                new("bollinger-mean-reversion", "Bollinger mean reversion", "Buys a close below the lower band; sells when the close is back at the middle band.",
                    """{"symbol":"SPX","period":20,"multiplier":2}"""),
                json => Build<BollingerMeanReversionParameters>(json, p => new BollingerMeanReversionStrategy(p))),
            ["donchian-breakout"] = (
                new("donchian-breakout", "Donchian breakout", "Buys a close above the previous N-bar high; sells a close below the previous M-bar low.",
                    """{"symbol":"SPX","entryPeriod":20,"exitPeriod":10}"""),
                json => Build<DonchianBreakoutParameters>(json, p => new DonchianBreakoutStrategy(p))),
            ["momentum-rotation"] = (
                new("momentum-rotation", "Momentum rotation", "Holds the K symbols with the best N-bar return, re-ranked every M bars.",
                    """{"symbols":["AAA","BBB","CCC","DDD"],"lookbackDays":63,"topCount":2,"rebalanceEveryDays":21}"""),
                json => Build<MomentumRotationParameters>(json, p => new MomentumRotationStrategy(p))),
            [RuleStrategyParser.StrategyName] = (
                new(RuleStrategyParser.StrategyName, "Rules", "Entry and exit conditions over prices and indicators, without code.",
                    RuleStrategyParser.ExampleJson),
                RuleStrategyParser.Create),
        };

    public static IReadOnlyList<StrategyDescriptor> Strategies { get; } = [.. Entries.Values.Select(e => e.Descriptor)];

    public static StrategyCreation Create(string name, JsonElement parameters) =>
        Entries.TryGetValue(name ?? "", out var entry)
            ? entry.Create(parameters)
            : StrategyCreation.Failure("strategy", $"Unknown strategy '{name}'. Known: {string.Join(", ", Entries.Keys)}.");

    public static StrategyCreation Create(string name, string parametersJson)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(parametersJson ?? "");
        }
        catch (JsonException exception)
        {
            return StrategyCreation.Failure("parameters", "Not valid JSON: " + exception.Message);
        }

        using (document)
            return Create(name, document.RootElement);
    }

    private static StrategyCreation Build<TParameters>(JsonElement json, Func<TParameters, IStrategy> create)
        where TParameters : class, IStrategyParameters
    {
        var (parameters, errors) = StrategyJson.Read<TParameters>(json);
        return parameters is null ? StrategyCreation.Failure(errors) : StrategyCreation.Success(create(parameters));
    }
}
