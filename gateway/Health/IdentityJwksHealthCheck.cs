using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.IdentityModel.Tokens;

namespace TradeNova.Gateway.Health;

/// <summary>The gateway has no database; what it needs to work is Identity's signing keys.</summary>
public sealed class IdentityJwksHealthCheck(IHttpClientFactory httpClientFactory) : IHealthCheck
{
    public const string HttpClientName = "identity-jwks-probe";
    public static readonly Uri JwksUri = new("http://identity/.well-known/jwks.json");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var keys = new JsonWebKeySet(await client.GetStringAsync(JwksUri, timeout.Token)).Keys
                .Count(key => key is { Kty: "EC", Crv: "P-256" } && !string.IsNullOrEmpty(key.Kid));
            return keys > 0
                ? HealthCheckResult.Healthy($"{keys} signing key(s) published by Identity.")
                : HealthCheckResult.Unhealthy("Identity publishes no ES256 signing key.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException or ArgumentException)
        {
            // The message, not the exception: while Identity starts, every probe would otherwise log a full stack trace.
            // (InvalidOperationException: services:identity:http:0 is not configured, so discovery finds no endpoint.)
            return HealthCheckResult.Unhealthy($"Identity's JWKS is unreachable: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
