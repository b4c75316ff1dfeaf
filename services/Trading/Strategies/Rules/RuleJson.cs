using System.Text.Json;

namespace TradeNova.Trading.Strategies.Rules;

/// <summary>Small JSON helpers for the rule parser: paths and the checks every object in the format shares.</summary>
internal static class RuleJson
{
    public static string Child(string path, string property) => $"{path}.{property}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Reports every property that is not in <paramref name="allowed"/>.</summary>
    public static void RejectUnknown(JsonElement obj, string path, IReadOnlyCollection<string> allowed, List<FieldError> errors, string? what = null)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                var owner = what is null ? "" : $" for {what}";
                errors.Add(new FieldError(Child(path, property.Name),
                    $"Unknown field '{property.Name}'{owner}. Allowed: {string.Join(", ", allowed)}."));
            }
        }
    }

    /// <summary>A whole number in [min, max]; reports and returns null otherwise.</summary>
    public static int? WholeNumber(JsonElement value, string path, int min, int max, string what, List<FieldError> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            && number == Math.Floor(number) && number >= min && number <= max)
            return (int)number;
        errors.Add(new FieldError(path, $"Bad {what}: must be a whole number from {min} to {max}, got {value.GetRawText()}."));
        return null;
    }
}
