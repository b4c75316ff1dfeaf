using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using TradeNova.Execution.Brokers.Alpaca.Streaming;

namespace TradeNova.Execution.Brokers.Alpaca;

public static class AlpacaBrokerExtensions
{
    public const string HttpClientName = "alpaca";

    /// <summary>Set on every Alpaca request: selects that connection's own limiter and circuit breaker.</summary>
    public static readonly HttpRequestOptionsKey<string> ConnectionKey = new("TradeNova.Alpaca.Connection");

    /// <summary>
    /// The Alpaca client factory and its HTTP pipeline. One pipeline per connection (API key), outermost first: a total
    /// timeout; retries with jittered backoff for GETs only; a circuit breaker; a limiter granting the documented 200
    /// requests per minute (each retry needs a permit too); a per-attempt timeout. The platform's default handler is
    /// removed: it would retry on its own terms and share one breaker between all users.
    /// </summary>
    public static IHostApplicationBuilder AddAlpacaBroker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlpacaOptions>().BindConfiguration("TradeNova:Alpaca");
        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out of
        // ConfigureHttpClientDefaults' handler.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddResilienceHandler("alpaca", ConfigurePipeline)
            .SelectPipelineBy(_ => request => request.Options.TryGetValue(ConnectionKey, out var key) ? key : "unkeyed");
        builder.Services.AddSingleton<AlpacaClientFactory>();
        builder.Services.AddSingleton<AlpacaTradeStreamFactory>();
        return builder;
    }

    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<AlpacaOptions>>().Value;
        pipeline.AddTimeout(options.TotalTimeout);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.ReadRetries),
            Delay = options.ReadRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            // A POST, PATCH or DELETE is never repeated here: a lost answer is resolved by looking the order up.
            ShouldHandle = args => ValueTask.FromResult(
                options.ReadRetries > 0
                && args.Context.GetRequestMessage()?.Method == HttpMethod.Get
                && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
        });
        pipeline.AddRateLimiter(new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.RequestsPerMinute,
            Window = options.RateLimitWindow,
            SegmentsPerWindow = 6,
            QueueLimit = options.RateLimitQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
        pipeline.AddTimeout(options.AttemptTimeout);
    }
}
