namespace TradeNova.Trading.Strategies;

/// <summary>The checks the parameter records share, so that limits are the same for every strategy.</summary>
public static class ParameterChecks
{
    /// <summary>Indicator periods are 1..500 bars: longer windows would need two years of daily data to warm up.</summary>
    public const int MinPeriod = 1;

    public const int MaxPeriod = 500;

    public const int MaxSymbolLength = 32;

    public static void Period(List<FieldError> errors, string field, int value)
    {
        if (value is < MinPeriod or > MaxPeriod)
            errors.Add(new FieldError(field, $"Must be between {MinPeriod} and {MaxPeriod} bars, got {value}."));
    }

    public static void Symbol(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(new FieldError(field, "A symbol is required."));
        else if (value.Length > MaxSymbolLength || value.Any(char.IsWhiteSpace))
            errors.Add(new FieldError(field, $"'{value}' is not a valid symbol (no spaces, at most {MaxSymbolLength} characters)."));
    }

    public static void Symbols(List<FieldError> errors, string field, IReadOnlyList<string>? values, int minimum)
    {
        if (values is null || values.Count < minimum)
        {
            errors.Add(new FieldError(field, $"At least {minimum} symbol(s) required."));
            return;
        }

        for (var i = 0; i < values.Count; i++)
            Symbol(errors, $"{field}[{i}]", values[i]);
        var duplicate = values.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            errors.Add(new FieldError(field, $"'{duplicate.Key}' is listed more than once."));
    }

    /// <summary>A fraction in (0, 1], e.g. of equity.</summary>
    public static void Fraction(List<FieldError> errors, string field, decimal value)
    {
        if (value is <= 0m or > 1m)
            errors.Add(new FieldError(field, $"Must be greater than 0 and at most 1, got {value}."));
    }

    public static void FastBelowSlow(List<FieldError> errors, string fastField, int fast, string slowField, int slow)
    {
        if (fast >= slow)
            errors.Add(new FieldError(fastField, $"Must be less than {slowField} ({slow}), got {fast}."));
    }
}
