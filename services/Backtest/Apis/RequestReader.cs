using System.Text.Json;
using System.Text.Json.Serialization;
using TradeNova.Backtest.Requests;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Backtest.Apis;

/// <summary>Reads a request body strictly: an unknown or mistyped field is an error named by its path, never
/// silently ignored (a typo in "comission" must not run a backtest without costs).</summary>
public static class RequestReader
{
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        AllowTrailingCommas = false,
    };

    public static async Task<BacktestRequest?> ReadAsync(HttpRequest http, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            errors.Add("body", "Send the request as application/json.");
            return null;
        }

        try
        {
            var request = await JsonSerializer.DeserializeAsync<BacktestRequest>(http.Body, Strict, cancellationToken);
            if (request is null)
                errors.Add("body", "A JSON object is required.");
            return request;
        }
        catch (JsonException error)
        {
            var field = error.Path is null or "$" ? "body" : error.Path.StartsWith("$.", StringComparison.Ordinal) ? error.Path[2..] : error.Path;
            var message = error.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            errors.Add(field, cut > 0 ? message[..cut] : message);
            return null;
        }
    }
}
