using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Backtest.Data.Alpaca;

/// <summary>
/// Execution's <c>GET /api/v1/market/bars</c>, called with the submitting user's own bearer token (only Execution holds
/// broker keys; it reads Alpaca with that user's keys). Follows <c>nextPageToken</c> for at most <see cref="MaxPages"/>
/// answers. The base address is <c>http://execution</c>, resolved by service discovery like every service-to-service call.
/// </summary>
public sealed class ExecutionMarketDataClient(HttpClient http, IHttpContextAccessor context)
{
    public const string HttpClientName = "execution-market-data";
    public const int MaxPages = 40;

    public async Task<(IReadOnlyList<ExecutionBar>? Bars, AlpacaBarsFailure? Failure)> GetDailyBarsAsync(
        IReadOnlyList<string> symbols, string timeframe, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var authorization = context.HttpContext?.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization) || !AuthenticationHeaderValue.TryParse(authorization, out var bearer))
            return (null, Unavailable("The request carried no bearer token to read Alpaca bars with."));

        var bars = new List<ExecutionBar>();
        string? pageToken = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture,
                $"/api/v1/market/bars?source=alpaca&adjustment=all&symbols={Uri.EscapeDataString(string.Join(',', symbols))}&timeframe={timeframe}&start={start:yyyy-MM-dd}&end={end:yyyy-MM-dd}");
            if (pageToken is not null)
                path += "&pageToken=" + Uri.EscapeDataString(pageToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = bearer;
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                          && !cancellationToken.IsCancellationRequested)
            {
                return (null, Unavailable($"Execution did not answer ({error.GetType().Name})."));
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                    return (null, await FailureAsync(response, cancellationToken));
                var answer = await response.Content.ReadFromJsonAsync<ExecutionBarsPage>(JsonSerializerOptions.Web, cancellationToken);
                bars.AddRange(answer?.Bars ?? []);
                pageToken = answer?.NextPageToken;
            }

            if (pageToken is null)
                return (bars, null);
        }

        return (null, new AlpacaBarsFailure(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "Too much data.",
            $"The date range holds more than {MaxPages} pages of Alpaca bars; shorten it.", Field: "start"));
    }

    private static async Task<AlpacaBarsFailure> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonElement problem = default;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (JsonException)
        {
            // Not a ProblemDetails body: the status alone decides below.
        }

        string? Text(string name) =>
            problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var status = (int)response.StatusCode;
        switch (response.StatusCode)
        {
            case HttpStatusCode.BadRequest:
                var messages = problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                    ? errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString()))}")
                    : [Text("detail") ?? "Alpaca's bars could not be asked for."];
                return new AlpacaBarsFailure(status, ProblemTypes.Validation, "One or more fields are invalid.", string.Join(" ", messages), Field: "data");
            case HttpStatusCode.UnprocessableEntity or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable:
                return new AlpacaBarsFailure(status, Text("type") ?? ProblemTypes.ForStatus(status), Text("title") ?? "Alpaca bars unavailable.",
                    Text("detail") ?? $"Execution answered {status}.", RetryAfter: response.Headers.RetryAfter?.ToString());
            default:
                return Unavailable($"Execution answered {status} {Text("detail")}".Trim());
        }
    }

    private static AlpacaBarsFailure Unavailable(string detail) =>
        new(StatusCodes.Status503ServiceUnavailable, ProblemTypes.For("market-data-unavailable"), "Alpaca bars unavailable.", detail, RetryAfter: "5");
}
