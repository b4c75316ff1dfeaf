using System.Text.Json;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>Parses condition trees for one document, counting nodes across entry and exit so the
/// <see cref="RuleLimits"/> apply to the whole strategy. Collects every error rather than stopping at the first.</summary>
internal sealed class ConditionParser(List<FieldError> errors)
{
    private static readonly Dictionary<string, ComparisonOperator> Operators = new(StringComparer.Ordinal)
    {
        [">"] = ComparisonOperator.GreaterThan,
        [">="] = ComparisonOperator.GreaterThanOrEqual,
        ["<"] = ComparisonOperator.LessThan,
        ["<="] = ComparisonOperator.LessThanOrEqual,
        ["crossesAbove"] = ComparisonOperator.CrossesAbove,
        ["crossesBelow"] = ComparisonOperator.CrossesBelow,
    };

    private static readonly string[] AllFields = ["all"];
    private static readonly string[] AnyFields = ["any"];
    private static readonly string[] ComparisonFields = ["op", "left", "right"];

    private readonly OperandParser _operands = new(errors);
    private int _nodes;
    private bool _tooManyReported;

    public ConditionNode? Parse(JsonElement element, string path, int depth)
    {
        if (depth > RuleLimits.MaxDepth)
        {
            errors.Add(new FieldError(path, $"Conditions are nested too deeply (at most {RuleLimits.MaxDepth} levels)."));
            return null;
        }

        if (++_nodes > RuleLimits.MaxNodes)
        {
            if (!_tooManyReported)
                errors.Add(new FieldError(path, $"Too many conditions: at most {RuleLimits.MaxNodes} over entry and exit."));
            _tooManyReported = true;
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, $"Expected a condition object, got {RuleJson.Describe(element.ValueKind)}."));
            return null;
        }

        var hasAll = element.TryGetProperty("all", out var all);
        var hasAny = element.TryGetProperty("any", out var any);
        var hasOp = element.TryGetProperty("op", out var op);
        if (hasAll && !hasAny && !hasOp)
            return Combination(all, RuleJson.Child(path, "all"), element, path, AllFields, depth) is { } a ? new AllCondition(a) : null;
        if (hasAny && !hasAll && !hasOp)
            return Combination(any, RuleJson.Child(path, "any"), element, path, AnyFields, depth) is { } o ? new AnyCondition(o) : null;
        if (hasOp && !hasAll && !hasAny)
            return Comparison(op, element, path);

        errors.Add(new FieldError(path, element.EnumerateObject().Any()
            ? "A condition has exactly one of 'all', 'any' (lists of conditions) or 'op' (a comparison with 'left' and 'right')."
            : "Empty rule: a condition needs 'all', 'any' or 'op'."));
        return null;
    }

    private List<ConditionNode>? Combination(JsonElement list, string listPath, JsonElement owner, string path, string[] allowed, int depth)
    {
        RuleJson.RejectUnknown(owner, path, allowed, errors);
        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError(listPath, $"Expected an array of conditions, got {RuleJson.Describe(list.ValueKind)}."));
            return null;
        }
        if (list.GetArrayLength() == 0)
        {
            errors.Add(new FieldError(listPath, "Empty rule: the list needs at least one condition."));
            return null;
        }

        var children = new List<ConditionNode>();
        var failed = false;
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (Parse(item, RuleJson.Item(listPath, index++), depth + 1) is { } child)
                children.Add(child);
            else
                failed = true;
        }
        return failed ? null : children;
    }

    private ComparisonCondition? Comparison(JsonElement op, JsonElement owner, string path)
    {
        RuleJson.RejectUnknown(owner, path, ComparisonFields, errors);
        ComparisonOperator? parsed = null;
        if (op.ValueKind == JsonValueKind.String && Operators.TryGetValue(op.GetString()!, out var known))
            parsed = known;
        else
            errors.Add(new FieldError(RuleJson.Child(path, "op"),
                $"Unknown operator {op.GetRawText()}. Expected one of: {string.Join(", ", Operators.Keys)}."));

        var left = RuleStrategyParser.Required(owner, path, "left", errors) is { } l ? _operands.Parse(l, RuleJson.Child(path, "left")) : null;
        var right = RuleStrategyParser.Required(owner, path, "right", errors) is { } r ? _operands.Parse(r, RuleJson.Child(path, "right")) : null;
        return parsed is { } o && left is not null && right is not null ? new ComparisonCondition(o, left, right) : null;
    }
}
