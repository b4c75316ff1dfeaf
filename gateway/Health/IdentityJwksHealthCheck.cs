using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Gateway.Health;

/// <summary>The gateway has no database; what it needs to work is Identity's signing keys.</summary>
public sealed class IdentityJwksHealthCheck(IHttpClientFactory httpClientFactory, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(configuration["services:identity:http:0"], UriKind.Absolute, out var identity))
            return HealthCheckResult.Unhealthy("services:identity:http:0 is not configured.");

        try
        {
            using var client = httpClientFactory.CreateClient(JwksSigningKeySource.HttpClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var json = await client.GetStringAsync(new Uri(identity, JwksSigningKeySource.JwksPath), timeout.Token);
            var keys = JwksParser.Parse(json);
            return keys.Count > 0
                ? HealthCheckResult.Healthy($"{keys.Count} signing key(s) published by Identity.")
                : HealthCheckResult.Unhealthy("Identity publishes no ES256 signing key.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or FormatException or System.Text.Json.JsonException)
        {
            // The message, not the exception: while Identity starts, every probe would otherwise log a full stack trace.
            return HealthCheckResult.Unhealthy($"Identity's JWKS is unreachable: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
