using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeNova.Trading.Strategies;

/// <summary>Strict JSON reading of strategy parameters: unknown fields, missing required fields, nulls and wrongly
/// typed values are errors named by their JSON path rather than being ignored or defaulted silently.</summary>
public static class StrategyJson
{
    internal static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
        AllowTrailingCommas = false,
    };

    /// <summary>Deserialises and validates; returns the parameters or the errors.</summary>
    public static (TParameters? Parameters, IReadOnlyList<FieldError> Errors) Read<TParameters>(JsonElement json)
        where TParameters : class, IStrategyParameters
    {
        if (json.ValueKind != JsonValueKind.Object)
            return (null, [new FieldError("parameters", $"Expected a JSON object, got {json.ValueKind}.")]);

        TParameters? parameters;
        try
        {
            parameters = json.Deserialize<TParameters>(Options);
        }
        catch (JsonException exception)
        {
            return (null, [new FieldError(FieldOf(exception.Path), MessageOf(exception))]);
        }

        if (parameters is null)
            return (null, [new FieldError("parameters", "Parameters are required.")]);
        var errors = parameters.Validate();
        return errors.Count > 0 ? (null, errors) : (parameters, errors);
    }

    /// <summary>"$.fastPeriod" → "fastPeriod", "$" → "parameters": the same names <see cref="IStrategyParameters.Validate"/> uses.</summary>
    internal static string FieldOf(string? path) =>
        path is null or "$" ? "parameters" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>System.Text.Json appends " Path: … | LineNumber: …" to its messages; the path is already the field.</summary>
    private static string MessageOf(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
