using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.Execution.Brokers.Alpaca;

/// <summary>
/// One user's connection to Alpaca's Trading API v2 and market data API v2. Every failure is an
/// <see cref="AlpacaApiException"/> of a known <see cref="AlpacaErrorKind"/>. Created by <see cref="AlpacaClientFactory"/>.
/// </summary>
public sealed partial class AlpacaClient(HttpClient http, AlpacaCredentials credentials, AlpacaOptions options, ILogger logger, TimeProvider time)
{
    public const string KeyIdHeader = "APCA-API-KEY-ID";
    public const string SecretKeyHeader = "APCA-API-SECRET-KEY";

    private readonly Uri _trading = options.TradingUrl(credentials.Paper);

    public AlpacaCredentials Credentials => credentials;

    public Task<AlpacaAccount> GetAccountAsync(CancellationToken cancellationToken) =>
        GetAsync<AlpacaAccount>(new AlpacaQuery(_trading, "/v2/account"), cancellationToken);

    /// <summary>
    /// Sends the order once. If the answer is lost (timeout, broken connection, 5xx), the order is looked up by its
    /// client_order_id, never sent again; if it still cannot be found the call fails as
    /// <see cref="AlpacaErrorKind.SubmissionUnconfirmed"/>.
    /// </summary>
    public async Task<AlpacaOrder> SubmitOrderAsync(AlpacaOrderRequest order, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<AlpacaOrder>(HttpMethod.Post, new AlpacaQuery(_trading, "/v2/orders"), order, cancellationToken);
        }
        catch (AlpacaApiException error) when (OutcomeUnknown(error) && !cancellationToken.IsCancellationRequested)
        {
            LogSubmissionUnknown(order.ClientOrderId, error.Message);
            return await FindSubmittedAsync(order.ClientOrderId, error, cancellationToken);
        }
    }

    public Task<AlpacaOrder> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        GetAsync<AlpacaOrder>(new AlpacaQuery(_trading, $"/v2/orders/{Uri.EscapeDataString(orderId)}").Add("nested", true), cancellationToken);

    /// <summary>The order with this client_order_id, or null when Alpaca does not know it.</summary>
    public Task<AlpacaOrder?> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken) =>
        FindAsync<AlpacaOrder>(new AlpacaQuery(_trading, "/v2/orders:by_client_order_id").Add("client_order_id", clientOrderId), cancellationToken);

    public Task<IReadOnlyList<AlpacaOrder>> ListOrdersAsync(AlpacaOrderQuery query, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<AlpacaOrder>>(
            new AlpacaQuery(_trading, "/v2/orders")
                .Add("status", query.Status).Add("limit", query.Limit).Add("after", query.After).Add("until", query.Until)
                .Add("direction", query.Direction).Add("nested", query.Nested).Add("symbols", query.Symbols),
            cancellationToken);

    /// <summary>Asks Alpaca to cancel; the outcome arrives as a <c>canceled</c> trade update. 422 when no longer cancelable.</summary>
    public async Task CancelOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Delete, new AlpacaQuery(_trading, $"/v2/orders/{Uri.EscapeDataString(orderId)}"), null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Replaces an open order; Alpaca answers with the new order (the old one becomes <c>replaced</c>).</summary>
    public Task<AlpacaOrder> ReplaceOrderAsync(string orderId, AlpacaReplaceOrderRequest replacement, CancellationToken cancellationToken) =>
        SendAsync<AlpacaOrder>(HttpMethod.Patch, new AlpacaQuery(_trading, $"/v2/orders/{Uri.EscapeDataString(orderId)}"), replacement, cancellationToken);

    public Task<IReadOnlyList<AlpacaPosition>> ListPositionsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<AlpacaPosition>>(new AlpacaQuery(_trading, "/v2/positions"), cancellationToken);

    /// <summary>The open position in <paramref name="symbol"/>, or null when there is none.</summary>
    public Task<AlpacaPosition?> GetPositionAsync(string symbol, CancellationToken cancellationToken) =>
        FindAsync<AlpacaPosition>(new AlpacaQuery(_trading, $"/v2/positions/{Uri.EscapeDataString(symbol)}"), cancellationToken);

    /// <summary>One page of account activities; the next page starts after the last activity's id.</summary>
    public Task<IReadOnlyList<AlpacaActivity>> ListActivitiesAsync(AlpacaActivityQuery query, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<AlpacaActivity>>(
            new AlpacaQuery(_trading, "/v2/account/activities")
                .Add("activity_types", query.ActivityTypes).Add("after", query.After).Add("until", query.Until)
                .Add("direction", query.Direction).Add("page_size", query.PageSize).Add("page_token", query.PageToken),
            cancellationToken);

    public Task<AlpacaClock> GetClockAsync(CancellationToken cancellationToken) =>
        GetAsync<AlpacaClock>(new AlpacaQuery(_trading, "/v2/clock"), cancellationToken);

    public Task<IReadOnlyList<AlpacaCalendarDay>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<AlpacaCalendarDay>>(new AlpacaQuery(_trading, "/v2/calendar").Add("start", start).Add("end", end), cancellationToken);

    public async Task<IReadOnlyDictionary<string, AlpacaQuote>> GetLatestQuotesAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var latest = await GetAsync<AlpacaLatestQuotes>(
            new AlpacaQuery(options.DataUrl, "/v2/stocks/quotes/latest").Add("symbols", symbols).Add("feed", options.DataFeed), cancellationToken);
        return latest.Quotes ?? new Dictionary<string, AlpacaQuote>();
    }

    /// <summary>Every bar of the query, page after page (<c>next_page_token</c>), in Alpaca's order (by symbol, then time).</summary>
    public async IAsyncEnumerable<(string Symbol, AlpacaBar Bar)> GetBarsAsync(
        AlpacaBarsQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? pageToken = null;
        do
        {
            var page = await GetAsync<AlpacaBarsPage>(
                new AlpacaQuery(options.DataUrl, "/v2/stocks/bars")
                    .Add("symbols", query.Symbols).Add("timeframe", query.Timeframe).Add("start", query.Start).Add("end", query.End)
                    .Add("adjustment", query.Adjustment).Add("feed", options.DataFeed).Add("limit", query.PageLimit)
                    .Add("page_token", pageToken),
                cancellationToken);
            foreach (var (symbol, bars) in page.Bars ?? new Dictionary<string, IReadOnlyList<AlpacaBar>>())
            {
                foreach (var bar in bars)
                {
                    yield return (symbol, bar);
                }
            }

            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken));
    }

    private async Task<AlpacaOrder> FindSubmittedAsync(string clientOrderId, AlpacaApiException original, CancellationToken cancellationToken)
    {
        for (var lookup = 0; lookup < Math.Max(1, options.SubmissionLookups); lookup++)
        {
            if (lookup > 0)
            {
                await Task.Delay(options.SubmissionLookupDelay, time, cancellationToken);
            }

            try
            {
                if (await GetOrderByClientOrderIdAsync(clientOrderId, cancellationToken) is { } found)
                {
                    LogSubmissionResolved(clientOrderId, found.Status);
                    return found;
                }
            }
            catch (AlpacaApiException error) when (error.IsTransient)
            {
                LogLookupFailed(clientOrderId, error.Kind);
            }
        }

        throw new AlpacaApiException(AlpacaErrorKind.SubmissionUnconfirmed,
            $"Alpaca did not answer the submission of {clientOrderId} and does not know the order (yet); it was not sent again.",
            original.Status, original.AlpacaCode, original);
    }

    /// <summary>A submission that may have reached Alpaca although no answer came back.</summary>
    private static bool OutcomeUnknown(AlpacaApiException error) =>
        error.Kind == AlpacaErrorKind.Unavailable
        && (error.InnerException is TimeoutRejectedException or HttpRequestException or TaskCanceledException
            || error.Status is >= HttpStatusCode.InternalServerError);

    private async Task<T> GetAsync<T>(AlpacaQuery query, CancellationToken cancellationToken) =>
        await SendAsync<T>(HttpMethod.Get, query, null, cancellationToken);

    private async Task<T?> FindAsync<T>(AlpacaQuery query, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await GetAsync<T>(query, cancellationToken);
        }
        catch (AlpacaApiException error) when (error.Kind == AlpacaErrorKind.NotFound)
        {
            return null;
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, AlpacaQuery query, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, query, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(AlpacaJson.Options, cancellationToken)
                   ?? throw new JsonException("empty body");
        }
        catch (JsonException error)
        {
            throw new AlpacaApiException(AlpacaErrorKind.Unexpected, $"Alpaca's answer to {method} {query.ToUri().AbsolutePath} could not be read: {error.Message}",
                response.StatusCode, inner: error);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, AlpacaQuery query, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, query.ToUri());
        request.Headers.TryAddWithoutValidation(KeyIdHeader, credentials.KeyId);
        request.Headers.TryAddWithoutValidation(SecretKeyHeader, credentials.SecretKey);
        request.Options.Set(AlpacaBrokerExtensions.ConnectionKey, credentials.ConnectionKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: AlpacaJson.Options);
        }

        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (BrokenCircuitException error)
        {
            throw new AlpacaApiException(AlpacaErrorKind.Unavailable, "Alpaca is failing for this connection; calls are paused for a moment.", inner: error);
        }
        catch (RateLimiterRejectedException error)
        {
            throw new AlpacaApiException(AlpacaErrorKind.RateLimited, "This connection's Alpaca rate limit (requests per minute) is used up.", HttpStatusCode.TooManyRequests, inner: error);
        }
        catch (Exception error) when (error is TimeoutRejectedException or HttpRequestException
                                      || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new AlpacaApiException(AlpacaErrorKind.Unavailable, $"Alpaca did not answer {method} {request.RequestUri!.AbsolutePath}: {error.GetType().Name}.", inner: error);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        AlpacaError? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync<AlpacaError>(AlpacaJson.Options, cancellationToken);
        }
        catch (Exception read) when (read is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not Alpaca's JSON error shape (e.g. a proxy's HTML page): the status alone decides.
        }

        var status = response.StatusCode;
        var kind = status switch
        {
            HttpStatusCode.Unauthorized => AlpacaErrorKind.Unauthorized,
            HttpStatusCode.Forbidden => AlpacaErrorKind.Forbidden,
            HttpStatusCode.NotFound => AlpacaErrorKind.NotFound,
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => AlpacaErrorKind.Unprocessable,
            HttpStatusCode.TooManyRequests => AlpacaErrorKind.RateLimited,
            >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout => AlpacaErrorKind.Unavailable,
            _ => AlpacaErrorKind.Unexpected,
        };
        var message = string.IsNullOrWhiteSpace(error?.Message) ? $"Alpaca answered {(int)status} {status}." : error.Message;
        throw new AlpacaApiException(kind, message, status, error?.Code);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca gave no answer to the submission of order {ClientOrderId} ({Reason}); looking it up instead of resending")]
    private partial void LogSubmissionUnknown(string clientOrderId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {ClientOrderId} found at Alpaca after an unanswered submission: {Status}")]
    private partial void LogSubmissionResolved(string clientOrderId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking up order {ClientOrderId} at Alpaca failed ({Kind})")]
    private partial void LogLookupFailed(string clientOrderId, AlpacaErrorKind kind);
}
