using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TradeNova.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    /// <summary>One global fixed-window limiter for <c>/api</c>, partitioned by <see cref="RateLimitPartitioner"/>.</summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayRateLimitOptions>().Bind(configuration.GetSection(GatewayRateLimitOptions.SectionName));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<GatewayRateLimitOptions>>((options, limits) =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = RateLimitRejection.WriteAsync;
                options.GlobalLimiter = CreateLimiter(limits.Value);
            });
        return services;
    }

    public static PartitionedRateLimiter<HttpContext> CreateLimiter(GatewayRateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, RateLimitPartitionKey>(context =>
            RateLimitPartitioner.GetKey(context) is { } key
                ? RateLimitPartition.GetFixedWindowLimiter(key, k => ToOptions(LimitFor(limits, k.Kind)))
                : RateLimitPartition.GetNoLimiter(default(RateLimitPartitionKey)));

    private static FixedWindowLimit LimitFor(GatewayRateLimitOptions limits, RateLimitPartitionKind kind) => kind switch
    {
        RateLimitPartitionKind.User => limits.PerUser,
        RateLimitPartitionKind.AuthIp => limits.Auth,
        _ => limits.PerIp,
    };

    private static FixedWindowRateLimiterOptions ToOptions(FixedWindowLimit limit) => new()
    {
        PermitLimit = Math.Max(1, limit.PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
