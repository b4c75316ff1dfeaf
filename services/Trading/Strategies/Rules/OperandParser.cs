using System.Text.Json;
using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>Parses comparison operands: numbers, price fields and indicator references (with defaults filled in).</summary>
internal sealed class OperandParser(List<FieldError> errors)
{
    private static readonly Dictionary<string, PriceSource> PriceFields = new(StringComparer.Ordinal)
    {
        ["close"] = PriceSource.Close,
        ["open"] = PriceSource.Open,
        ["high"] = PriceSource.High,
        ["low"] = PriceSource.Low,
        ["volume"] = PriceSource.Volume,
    };

    private static readonly string[] PriceObjectFields = ["price", "barsAgo"];
    private const double MaxMultiplier = 5.0;

    public Operand? Parse(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetDouble(out var number) && double.IsFinite(number):
                return new ConstantOperand(number);
            case JsonValueKind.String:
                return PriceField(element, path) is { } field ? new PriceOperand(field) : null;
            case JsonValueKind.Object when element.TryGetProperty("indicator", out var name):
                return Indicator(element, name, path);
            case JsonValueKind.Object when element.TryGetProperty("price", out var price):
                RuleJson.RejectUnknown(element, path, PriceObjectFields, errors);
                var priceField = PriceField(price, RuleJson.Child(path, "price"));
                var barsAgo = BarsAgo(element, path);
                return priceField is { } f && barsAgo is { } b ? new PriceOperand(f, b) : null;
            default:
                errors.Add(new FieldError(path,
                    $"Expected a number, a price field ({string.Join(", ", PriceFields.Keys)}), {{\"price\": ...}} or {{\"indicator\": ...}}, got {RuleJson.Describe(element.ValueKind)}."));
                return null;
        }
    }

    private PriceSource? PriceField(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String && PriceFields.TryGetValue(element.GetString()!, out var field))
            return field;
        errors.Add(new FieldError(path, $"Unknown price field {element.GetRawText()}. Expected one of: {string.Join(", ", PriceFields.Keys)}."));
        return null;
    }

    private int? BarsAgo(JsonElement owner, string path) =>
        owner.TryGetProperty("barsAgo", out var value)
            ? RuleJson.WholeNumber(value, RuleJson.Child(path, "barsAgo"), 0, RuleLimits.MaxBarsAgo, "barsAgo", errors)
            : 0;

    private IndicatorOperand? Indicator(JsonElement element, JsonElement name, string path)
    {
        var namePath = RuleJson.Child(path, "indicator");
        if (name.ValueKind != JsonValueKind.String || !RuleIndicatorKinds.ByName.TryGetValue(name.GetString()!, out var kind))
        {
            errors.Add(new FieldError(namePath, $"Unknown indicator {name.GetRawText()}. Known: {RuleIndicatorKinds.KnownNames}."));
            return null;
        }

        var before = errors.Count;
        var what = $"indicator '{kind.Name}'";
        var allowed = new List<string> { "indicator", "output", "barsAgo" };
        if (kind.DefaultSource is not null)
            allowed.Add("source");
        allowed.AddRange(kind.Parameters.Select(p => p.Name));
        RuleJson.RejectUnknown(element, path, allowed, errors, what);

        var settings = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in kind.Parameters)
        {
            var parameterPath = RuleJson.Child(path, parameter.Name);
            if (!element.TryGetProperty(parameter.Name, out var value))
            {
                if (parameter.Default is { } fallback)
                    settings[parameter.Name] = fallback;
                else
                    errors.Add(new FieldError(parameterPath, $"Missing field '{parameter.Name}' for {what}."));
            }
            else if (parameter.IsPeriod)
            {
                if (RuleJson.WholeNumber(value, parameterPath, ParameterChecks.MinPeriod, ParameterChecks.MaxPeriod, "period", errors) is { } period)
                    settings[parameter.Name] = period;
            }
            else if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var real) && real is > 0 and <= MaxMultiplier)
                settings[parameter.Name] = real;
            else
                errors.Add(new FieldError(parameterPath, $"Must be a number greater than 0 and at most {MaxMultiplier}, got {value.GetRawText()}."));
        }

        var output = kind.Outputs[0];
        if (element.TryGetProperty("output", out var outputElement))
        {
            if (outputElement.ValueKind == JsonValueKind.String && kind.Outputs.Contains(outputElement.GetString()!))
                output = outputElement.GetString()!;
            else
                errors.Add(new FieldError(RuleJson.Child(path, "output"),
                    $"Unknown output {outputElement.GetRawText()} for {what}. Expected one of: {string.Join(", ", kind.Outputs)}."));
        }

        var source = kind.DefaultSource ?? PriceSource.Close;
        if (kind.DefaultSource is not null && element.TryGetProperty("source", out var sourceElement))
            source = PriceField(sourceElement, RuleJson.Child(path, "source")) ?? source;

        var barsAgo = BarsAgo(element, path);
        int Setting(string key) => settings.TryGetValue(key, out var v) ? (int)v : 0;
        if (Setting("fastPeriod") > 0 && Setting("slowPeriod") > 0 && Setting("fastPeriod") >= Setting("slowPeriod"))
            errors.Add(new FieldError(RuleJson.Child(path, "fastPeriod"), $"Must be less than slowPeriod ({Setting("slowPeriod")})."));

        if (errors.Count > before || barsAgo is not { } ago)
            return null;
        var spec = new IndicatorSpec(
            kind.Name,
            Setting("period"),
            source,
            Setting("fastPeriod"),
            Setting("slowPeriod"),
            Setting("signalPeriod"),
            settings.GetValueOrDefault("multiplier"));
        return new IndicatorOperand(spec, output, ago);
    }
}
