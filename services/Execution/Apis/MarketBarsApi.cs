using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.MarketData;
using TradeNova.Execution.Credentials;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Apis;

/// <summary>
/// <c>GET /api/v1/market/bars</c>: historical bars through the caller's own Alpaca keys (market data v2), so every user's
/// requests count against their own key's rate limit (the client's per-key limiter) and their own data plan. One call
/// pages through Alpaca server-side for at most <see cref="MaxAlpacaPagesPerCall"/> pages; a longer range continues
/// with the returned <c>nextPageToken</c>.
/// </summary>
public static partial class MarketBarsApi
{
    public const string AlpacaSource = "alpaca";
    public const int MaxSymbols = 100;
    public const int MaxAlpacaPagesPerCall = 5;

    /// <summary>Alpaca's largest page.</summary>
    public const int AlpacaPageLimit = 10_000;

    public const int MaxPageTokenLength = 1024;

    private static readonly string[] Adjustments = ["raw", "split", "dividend", "all"];

    public static RouteGroupBuilder MapMarketBarsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/market").WithTags("Market").RequireAuthorization();
        api.MapGet("/bars", GetBarsAsync);
        return api;
    }

    public static async Task<Results<Ok<MarketBarsResponse>, ValidationProblem, ProblemHttpResult>> GetBarsAsync(
        string? symbols, string? timeframe, string? start, string? end, string? source, string? adjustment, string? pageToken,
        HttpContext http, ClaimsPrincipal principal, BrokerCredentialStore store, AlpacaClientFactory alpaca, IOptions<AlpacaOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var requested = (symbols ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        errors.Check(requested.Count > 0, "symbols", "Give one or more comma-separated symbols, e.g. symbols=AAPL,MSFT.");
        errors.Check(requested.Count <= MaxSymbols, "symbols", $"At most {MaxSymbols} symbols per request.");
        var malformed = requested.Where(s => !SymbolPattern().IsMatch(s)).Take(5).ToList();
        errors.Check(malformed.Count == 0, "symbols", $"Not a stock symbol: {string.Join(", ", malformed.Select(s => s.Length > 16 ? s[..16] + "…" : s))}.");
        errors.Check(source is null || source.Equals(AlpacaSource, StringComparison.OrdinalIgnoreCase), "source", "Only alpaca is supported.");
        errors.Check(AlpacaTimeframes.IsValid(timeframe), "timeframe",
            "Required: one of Alpaca's timeframes, e.g. 1Day, 1Week, 1Hour, 15Min (1-59Min, 1-23Hour, 1Day, 1Week, 1/2/3/4/6/12Month).");
        var from = ParseTime(start, endOfDay: false);
        var to = ParseTime(end, endOfDay: true);
        errors.Check(from is not null, "start", "Required: a date (2026-11-02) or an RFC 3339 time (2026-11-02T14:30:00Z).");
        errors.Check(end is null || to is not null, "end", "A date (2026-11-30) or an RFC 3339 time; leave it out for up to now.");
        if (from is not null && to is not null && to < from)
        {
            errors.Add("end", "Must not be before start.");
        }

        errors.Check(adjustment is null || Adjustments.Contains(adjustment, StringComparer.Ordinal), "adjustment", "One of raw, split, dividend, all.");
        errors.Check(pageToken is null || (pageToken.Length is > 0 and <= MaxPageTokenLength && pageToken.All(c => c is > ' ' and <= '~')),
            "pageToken", "Pass back the nextPageToken of the previous answer unchanged.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var credentials = await store.LoadCredentialsAsync(principal.GetUserId(), cancellationToken);
        if (credentials is null)
        {
            return TypedResults.Problem("Connect your Alpaca keys (PUT /api/v1/broker/connection) to read Alpaca market data with them.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "No broker connected", type: ProblemTypes.For("broker-not-connected"));
        }

        var client = alpaca.Create(credentials);
        var query = new AlpacaBarsQuery
        {
            Symbols = requested, Timeframe = timeframe!, Start = from, End = to, Adjustment = adjustment, PageLimit = AlpacaPageLimit,
        };
        var bars = new List<MarketBarResponse>();
        var token = pageToken;
        try
        {
            for (var page = 0; page < MaxAlpacaPagesPerCall; page++)
            {
                var answer = await client.GetBarsPageAsync(query, token, cancellationToken);
                foreach (var (symbol, series) in answer.Bars ?? new Dictionary<string, IReadOnlyList<AlpacaBar>>())
                {
                    bars.AddRange(series.Select(b => new MarketBarResponse(symbol, b.Timestamp, b.Open, b.High, b.Low, b.Close, b.Volume, b.TradeCount, b.Vwap)));
                }

                token = string.IsNullOrEmpty(answer.NextPageToken) ? null : answer.NextPageToken;
                if (token is null)
                {
                    break;
                }
            }
        }
        catch (AlpacaApiException error)
        {
            return Problem(http, error, options.Value);
        }

        return TypedResults.Ok(new MarketBarsResponse(AlpacaSource, options.Value.DataFeed, timeframe!, bars, token));
    }

    /// <summary>Alpaca's refusal as the caller's problem: keys, limits and outages each with their own type.</summary>
    private static ProblemHttpResult Problem(HttpContext http, AlpacaApiException error, AlpacaOptions options)
    {
        switch (error.Kind)
        {
            case AlpacaErrorKind.Unauthorized or AlpacaErrorKind.Forbidden:
                return TypedResults.Problem(
                    "Alpaca refused your stored keys for market data (revoked, or your data plan does not include this feed). Reconnect your keys or check your Alpaca data subscription.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Alpaca refused the keys", type: ProblemTypes.For("broker-credentials-rejected"));
            case AlpacaErrorKind.RateLimited:
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(options.RateLimitWindow.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    $"Your Alpaca key's rate limit ({options.RequestsPerMinute} requests a minute) is used up. Try again after the Retry-After delay.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Alpaca rate limit reached", type: ProblemTypes.For("broker-rate-limited"));
            case AlpacaErrorKind.Unprocessable or AlpacaErrorKind.NotFound:
                return TypedResults.Problem($"Alpaca refused the request: {error.Message}",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Alpaca refused the request", type: ProblemTypes.For("broker-request-refused"));
            case AlpacaErrorKind.Unavailable:
                http.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem("Alpaca's market data did not answer in time. Try again shortly.",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Alpaca unavailable", type: ProblemTypes.For("broker-unavailable"));
            default:
                return TypedResults.Problem($"Alpaca's answer could not be used: {error.Message}",
                    statusCode: StatusCodes.Status502BadGateway, title: "Unexpected answer from Alpaca", type: ProblemTypes.For("broker-unavailable"));
        }
    }

    /// <summary>A date (the whole day: its start, or its last moment for <paramref name="endOfDay"/>) or an RFC 3339 time, in UTC.</summary>
    private static DateTimeOffset? ParseTime(string? value, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1).AddSeconds(-1) : midnight;
        }

        return value.Contains('T', StringComparison.Ordinal)
               && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9.\\-/]{0,15}$")]
    private static partial Regex SymbolPattern();
}
