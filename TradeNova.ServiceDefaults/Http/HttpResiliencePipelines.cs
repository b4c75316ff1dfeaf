using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace TradeNova.ServiceDefaults.Http;

/// <summary>Builds the one pipeline every outgoing request runs through: total timeout, retry, breaker, attempt timeout.</summary>
public static class HttpResiliencePipelines
{
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("TradeNova.HttpRequest");

    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpResilienceOptions options) => builder
        .AddTimeout(options.TotalTimeout)
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && IsRetrySafe(args.Context)),
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        })
        .AddTimeout(options.AttemptTimeout);

    /// <summary>5xx, 408, connection failures and attempt timeouts are worth another try.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };

    /// <summary>
    /// Only requests that may be repeated are retried: idempotent methods, or any request carrying an
    /// Idempotency-Key (the receiver deduplicates). A POST without a key could otherwise place an order twice.
    /// </summary>
    private static bool IsRetrySafe(ResilienceContext context)
    {
        if (!context.Properties.TryGetValue(RequestKey, out var request))
        {
            return false;
        }

        var method = request.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace
            || request.Headers.Contains("Idempotency-Key");
    }
}
