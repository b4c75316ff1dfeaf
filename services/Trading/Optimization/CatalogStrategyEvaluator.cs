using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Optimization;

/// <summary>Evaluates parameter sets of a catalogue strategy: the varied values replace top-level fields of the base
/// parameters, the catalogue validates and builds a fresh strategy, and the engine runs it. Sets the catalogue rejects
/// (fast period not below slow, say) come back as <see cref="EvaluationOutcome.Invalid"/> with the catalogue's message.
/// Runs over the same data set share its <see cref="IndicatorColumns"/> (kept beside the data set for as long as the
/// data set lives), so a search computes each indicator series once per distinct parameter, not once per set; the
/// engine's result is the same bit for bit with or without them.</summary>
public static class CatalogStrategyEvaluator
{
    /// <param name="decorate">Wraps each built strategy (for example to change its order sizing); null leaves it. A
    /// wrapper whose context derives from <see cref="StrategyContextDecorator"/> keeps the shared columns in use.</param>
    /// <param name="shareIndicatorColumns">False runs every set on its own indicators, as a single backtest does: the
    /// reference the shared path is measured and tested against.</param>
    public static EvaluateParameterSet Create(
        string strategyName,
        JsonElement baseParameters,
        BacktestOptions options,
        Func<IStrategy, IStrategy>? decorate = null,
        bool shareIndicatorColumns = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (baseParameters.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("The base parameters must be a JSON object.", nameof(baseParameters));
        var baseJson = baseParameters.GetRawText();
        var engine = new BacktestEngine(options with { ComputeStatistics = true });
        // Walk-forward slices a new data set per window; each gets its own columns, collected with it.
        var columns = new ConditionalWeakTable<MarketDataSet, IndicatorColumns>();
        return (parameters, data) =>
        {
            var json = JsonNode.Parse(baseJson)!.AsObject();
            foreach (var value in parameters.Values)
            {
                json[value.Name] = ToJson(value.Value);
            }

            var creation = StrategyCatalog.Create(strategyName, JsonSerializer.SerializeToElement(json));
            if (creation.Strategy is not { } strategy)
                return EvaluationOutcome.Invalid(string.Join("; ", creation.Errors));
            var shared = shareIndicatorColumns ? columns.GetValue(data, static d => new IndicatorColumns(d)) : null;
            var result = engine.Run(decorate is null ? strategy : decorate(strategy), data, shared);
            return EvaluationOutcome.Of(result.Statistics!);
        };
    }

    /// <summary>Whole values as JSON integers (integer parameters reject 10.0), others as decimals without trailing
    /// zeros.</summary>
    public static JsonNode ToJson(decimal value) =>
        decimal.IsInteger(value) && value is >= long.MinValue and <= long.MaxValue
            ? JsonValue.Create((long)value)
            : JsonValue.Create(value / 1.000000000000000000000000000000000m);
}
