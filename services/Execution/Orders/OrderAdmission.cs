using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Orders;

/// <summary>
/// Load shedding for order placement: at most <see cref="ExecutionOptions.MaxOrdersInFlight"/> placements run at once on
/// an instance and <see cref="ExecutionOptions.MaxOrdersQueued"/> more wait their turn, oldest first; past that a request
/// is refused at once with 503 and <c>Retry-After</c>, before anything is written. Beyond its capacity the platform
/// would otherwise queue every request until clients time out, and the orders it does take would wait as long.
/// </summary>
public static class OrderAdmission
{
    public const string PolicyName = "order-placement";
    public const string ProblemSlug = "orders-overloaded";
    public const int RetryAfterSeconds = 1;

    public static IServiceCollection AddOrderAdmission(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<ExecutionOptions>>((options, execution) =>
            {
                options.AddConcurrencyLimiter(PolicyName, limiter =>
                {
                    limiter.PermitLimit = Math.Max(1, execution.Value.MaxOrdersInFlight);
                    limiter.QueueLimit = Math.Max(0, execution.Value.MaxOrdersQueued);
                    limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
                });
                options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
                options.OnRejected = WriteRejectionAsync;
            });
        return services;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            title: "Order placement is at capacity",
            detail: $"Too many orders are being placed right now; nothing was placed. Retry after {RetryAfterSeconds} s with the same Idempotency-Key.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            type: ProblemTypes.For(ProblemSlug)).ExecuteAsync(context.HttpContext);
    }
}
