using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace TradeNova.ServiceDefaults.Http;

public static class HttpResilience
{
    /// <summary>
    /// The standard handler (total timeout 30 s, 3 retries with backoff, circuit breaker, 10 s per attempt), except that
    /// only requests that may be repeated are retried: idempotent methods, or any request carrying an
    /// <c>Idempotency-Key</c> (the receiver deduplicates). A POST without a key could otherwise place an order twice.
    /// </summary>
    public static IHttpClientBuilder AddTradeNovaResilience(this IHttpClientBuilder http)
    {
        http.AddStandardResilienceHandler(options =>
        {
            var isTransient = options.Retry.ShouldHandle;
            options.Retry.ShouldHandle = async args =>
                IsRetrySafe(args.Context.GetRequestMessage()) && await isTransient(args);
        });
        return http;
    }

    private static bool IsRetrySafe(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
            || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Trace
            || request.Headers.Contains("Idempotency-Key"));
}
