using System.Text.Json;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>Parses and validates the declarative rule format (the "rules" strategy of the catalog). The document is
/// only ever read as data: conditions compile to comparisons over the library's indicators, so no user code runs.
/// <code>
/// {
///   "name": "Golden cross with trend filter",             // optional
///   "symbols": ["SPX"],                                   // 1..50, each evaluated independently
///   "entry": { "all": [                                   // all = and, any = or; nest up to 6 levels, 64 nodes
///       { "op": "crossesAbove", "left": { "indicator": "sma", "period": 50 },
///                               "right": { "indicator": "sma", "period": 200 } },
///       { "op": "&gt;", "left": "close", "right": { "indicator": "highest", "period": 20, "barsAgo": 1 } } ] },
///   "exit": { "op": "&lt;", "left": { "indicator": "rsi", "period": 14 }, "right": 30 },
///   "sizing": { "fractionOfEquity": 0.25 }                // bought when flat and entry holds; all sold when exit holds
/// }
/// </code>
/// Operators: &gt;, &gt;=, &lt;, &lt;=, crossesAbove, crossesBelow. Operands: a number; a price field name (close, open,
/// high, low, volume) or <c>{"price": "close", "barsAgo": 1}</c>; an indicator reference
/// <c>{"indicator": name, ...settings, "output": ..., "source": ..., "barsAgo": ...}</c> with names sma, ema, wma, rsi,
/// highest, lowest, volumeAverage (period required), atr, macd, bollinger, stochastic (settings default to the classic
/// values). Errors carry the JSON path of the offending value, e.g. <c>$.entry.all[1].left.period</c>.</summary>
public static class RuleStrategyParser
{
    public const string StrategyName = "rules";

    public const string ExampleJson = """
        {"symbols":["SPX"],"entry":{"op":"crossesAbove","left":{"indicator":"sma","period":10},"right":{"indicator":"sma","period":30}},"exit":{"op":"crossesBelow","left":{"indicator":"sma","period":10},"right":{"indicator":"sma","period":30}},"sizing":{"fractionOfEquity":1}}
        """;

    private static readonly string[] TopLevelFields = ["name", "symbols", "entry", "exit", "sizing"];
    private static readonly string[] SizingFields = ["fractionOfEquity"];
    private const int MaxNameLength = 100;

    public static RuleParseResult Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? "", new JsonDocumentOptions { MaxDepth = 64 });
            return Parse(document.RootElement);
        }
        catch (JsonException exception)
        {
            return new RuleParseResult(null, [new FieldError("$", "Not valid JSON: " + exception.Message)]);
        }
    }

    public static RuleParseResult Parse(JsonElement json)
    {
        var errors = new List<FieldError>();
        if (json.ValueKind != JsonValueKind.Object)
            return new RuleParseResult(null, [new FieldError("$", $"Expected a rule strategy object, got {RuleJson.Describe(json.ValueKind)}.")]);

        RuleJson.RejectUnknown(json, "$", TopLevelFields, errors);
        var name = ParseName(json, errors);
        var symbols = ParseSymbols(json, errors);
        var conditions = new ConditionParser(errors);
        var entry = Required(json, "$", "entry", errors) is { } e ? conditions.Parse(e, "$.entry", 1) : null;
        var exit = Required(json, "$", "exit", errors) is { } x ? conditions.Parse(x, "$.exit", 1) : null;
        var fraction = ParseSizing(json, errors);

        return errors.Count == 0 && symbols is not null && entry is not null && exit is not null && fraction is { } f
            ? new RuleParseResult(new RuleStrategyDefinition(name, symbols, entry, exit, f), [])
            : new RuleParseResult(null, errors);
    }

    /// <summary>Parses, validates and compiles; the catalog's factory for <see cref="StrategyName"/>.</summary>
    public static StrategyCreation Create(JsonElement json)
    {
        var result = Parse(json);
        return result.Definition is { } definition
            ? StrategyCreation.Success(new RuleStrategy(definition))
            : StrategyCreation.Failure(result.Errors);
    }

    internal static JsonElement? Required(JsonElement obj, string path, string property, List<FieldError> errors)
    {
        if (obj.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null)
            return value;
        errors.Add(new FieldError(RuleJson.Child(path, property), $"Missing field '{property}'."));
        return null;
    }

    private static string? ParseName(JsonElement json, List<FieldError> errors)
    {
        if (!json.TryGetProperty("name", out var name) || name.ValueKind == JsonValueKind.Null)
            return null;
        if (name.ValueKind == JsonValueKind.String && name.GetString()!.Length <= MaxNameLength)
            return name.GetString();
        errors.Add(new FieldError("$.name", $"Must be a string of at most {MaxNameLength} characters."));
        return null;
    }

    private static IReadOnlyList<string>? ParseSymbols(JsonElement json, List<FieldError> errors)
    {
        if (Required(json, "$", "symbols", errors) is not { } symbols)
            return null;
        if (symbols.ValueKind != JsonValueKind.Array || symbols.GetArrayLength() is 0 or > RuleLimits.MaxSymbols)
        {
            errors.Add(new FieldError("$.symbols", $"Must be an array of 1 to {RuleLimits.MaxSymbols} symbols."));
            return null;
        }

        var list = new List<string>();
        var before = errors.Count;
        var index = 0;
        foreach (var item in symbols.EnumerateArray())
        {
            var path = RuleJson.Item("$.symbols", index++);
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError(path, $"Expected a symbol string, got {RuleJson.Describe(item.ValueKind)}."));
                continue;
            }
            ParameterChecks.Symbol(errors, path, item.GetString());
            list.Add(item.GetString()!);
        }

        var duplicate = list.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            errors.Add(new FieldError("$.symbols", $"'{duplicate.Key}' is listed more than once."));
        return errors.Count == before ? list : null;
    }

    private static decimal? ParseSizing(JsonElement json, List<FieldError> errors)
    {
        if (Required(json, "$", "sizing", errors) is not { } sizing)
            return null;
        if (sizing.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$.sizing", "Expected an object such as {\"fractionOfEquity\": 0.25}."));
            return null;
        }

        RuleJson.RejectUnknown(sizing, "$.sizing", SizingFields, errors);
        if (Required(sizing, "$.sizing", "fractionOfEquity", errors) is not { } fraction)
            return null;
        if (fraction.ValueKind == JsonValueKind.Number && fraction.TryGetDecimal(out var value) && value is > 0m and <= 1m)
            return value;
        errors.Add(new FieldError("$.sizing.fractionOfEquity", $"Must be a number greater than 0 and at most 1, got {fraction.GetRawText()}."));
        return null;
    }
}
