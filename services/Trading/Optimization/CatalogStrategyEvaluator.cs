using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Optimization;

/// <summary>Evaluates parameter sets of a catalogue strategy: the varied values replace top-level fields of the base
/// parameters, the catalogue validates and builds a fresh strategy, and the engine runs it. Sets the catalogue rejects
/// (fast period not below slow, say) come back as <see cref="EvaluationOutcome.Invalid"/> with the catalogue's message.
/// Runs over the same data set share its <see cref="IndicatorColumns"/> (kept beside the data set for as long as the
/// data set lives), so a search computes each indicator series once per distinct parameter, not once per set; the
/// engine's result is the same bit for bit with or without them.
/// For the SMA crossover with no wrapper, on shared columns and options <see cref="SmaCrossoverGrid"/> supports, the
/// evaluator also screens sets for <see cref="Optimizer"/> (<see cref="OptimizationSettings.DetailedTop"/>): their
/// total return and CAGR without the engine, exactly.</summary>
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
        return new Evaluation(strategyName, baseParameters.GetRawText(), options, decorate, shareIndicatorColumns).Evaluate;
    }

    /// <summary>Whole values as JSON integers (integer parameters reject 10.0), others as decimals without trailing
    /// zeros.</summary>
    public static JsonNode ToJson(decimal value) =>
        decimal.IsInteger(value) && value is >= long.MinValue and <= long.MaxValue
            ? JsonValue.Create((long)value)
            : JsonValue.Create(value / 1.000000000000000000000000000000000m);

    private sealed class Evaluation : IParameterScreen
    {
        private readonly string _strategyName;
        private readonly string _baseJson;
        private readonly Func<IStrategy, IStrategy>? _decorate;
        private readonly bool _shareIndicatorColumns;
        private readonly BacktestOptions _options;
        private readonly BacktestEngine _engine;

        // Walk-forward slices a new data set per window; each gets its own columns, collected with it.
        private readonly ConditionalWeakTable<MarketDataSet, IndicatorColumns> _columns = new();

        /// <summary>The base parameters when every set is an SMA crossover the screen reproduces, else null.</summary>
        private readonly SmaCrossoverParameters? _screenable;

        public Evaluation(string strategyName, string baseJson, BacktestOptions options, Func<IStrategy, IStrategy>? decorate, bool shareIndicatorColumns)
        {
            _strategyName = strategyName;
            _baseJson = baseJson;
            _options = options;
            _decorate = decorate;
            _shareIndicatorColumns = shareIndicatorColumns;
            _engine = new BacktestEngine(options with { ComputeStatistics = true });
            _screenable = decorate is null && shareIndicatorColumns && SmaCrossoverGrid.Supports(options) ? ScreenableBase(strategyName, baseJson) : null;
        }

        public EvaluationOutcome Evaluate(ParameterSet parameters, MarketDataSet data)
        {
            var json = JsonNode.Parse(_baseJson)!.AsObject();
            foreach (var value in parameters.Values)
            {
                json[value.Name] = ToJson(value.Value);
            }

            var creation = StrategyCatalog.Create(_strategyName, JsonSerializer.SerializeToElement(json));
            if (creation.Strategy is not { } strategy)
                return EvaluationOutcome.Invalid(string.Join("; ", creation.Errors));
            var shared = _shareIndicatorColumns ? Columns(data) : null;
            var result = _engine.Run(_decorate is null ? strategy : _decorate(strategy), data, shared);
            return EvaluationOutcome.Of(result.Statistics!);
        }

        public ScreenedFigures?[]? Screen(IReadOnlyList<ParameterSet> sets, MarketDataSet data, int maxDegreeOfParallelism, CancellationToken cancellationToken) =>
            _screenable is { } baseParameters
                ? SmaCrossoverScreen.Screen(Columns(data), baseParameters, _options, sets, maxDegreeOfParallelism, cancellationToken)
                : null;

        private IndicatorColumns Columns(MarketDataSet data) => _columns.GetValue(data, static d => new IndicatorColumns(d));

        /// <summary>The SMA crossover the base parameters build, read as <see cref="Evaluate"/> reads them; null for any
        /// other strategy, a base the catalogue rejects, or a base spelling a period field in another case (the
        /// catalogue reads names case-insensitively, so a varied "fastPeriod" beside it would be ambiguous).</summary>
        private static SmaCrossoverParameters? ScreenableBase(string strategyName, string baseJson)
        {
            JsonObject json;
            try
            {
                json = JsonNode.Parse(baseJson)!.AsObject();
            }
            catch (JsonException)
            {
                return null;
            }

            foreach (var (name, _) in json)
            {
                if (name is not (SmaCrossoverScreen.FastPeriod or SmaCrossoverScreen.SlowPeriod)
                    && (name.Equals(SmaCrossoverScreen.FastPeriod, StringComparison.OrdinalIgnoreCase) || name.Equals(SmaCrossoverScreen.SlowPeriod, StringComparison.OrdinalIgnoreCase)))
                    return null;
            }

            return (StrategyCatalog.Create(strategyName, JsonSerializer.SerializeToElement(json)).Strategy as SmaCrossoverStrategy)?.Parameters;
        }
    }
}
