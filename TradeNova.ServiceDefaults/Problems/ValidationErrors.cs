using Microsoft.AspNetCore.Http.HttpResults;

namespace TradeNova.ServiceDefaults.Problems;

/// <summary>Collects field errors for one request and turns them into a validation ProblemDetails.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> for <paramref name="field"/> when <paramref name="valid"/> is false.</summary>
    public ValidationErrors Check(bool valid, string field, string message) => valid ? this : Add(field, message);

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem ToProblem() => ProblemResults.Validation(ToDictionary());
}
