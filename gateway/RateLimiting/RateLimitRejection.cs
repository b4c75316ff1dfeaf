using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Gateway.RateLimiting;

/// <summary>Writes a rejected request as 429 ProblemDetails with <c>Retry-After</c> in whole seconds.</summary>
public static class RateLimitRejection
{
    public const string ProblemType = ProblemTypes.TooManyRequests;

    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;

        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        await TypedResults.Problem(
            title: "Too many requests",
            detail: $"The request rate limit was exceeded; retry after {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            type: ProblemType).ExecuteAsync(context.HttpContext);
    }
}
