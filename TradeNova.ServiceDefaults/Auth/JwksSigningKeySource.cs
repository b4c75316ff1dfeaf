using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace TradeNova.ServiceDefaults.Auth;

/// <summary>
/// Reads Identity's public keys from <c>{services:identity:http:0}/.well-known/jwks.json</c> and caches them.
/// Refetches when the cache is older than <see cref="RefreshInterval"/> or a token names an unknown <c>kid</c>
/// (key rotation), but never more often than <see cref="MinimumFetchInterval"/>, so a flood of forged kids cannot
/// turn into a flood of requests to Identity. If a refresh fails the previous keys stay in use.
/// </summary>
public sealed partial class JwksSigningKeySource(
    IHttpClientFactory httpClientFactory,
    IConfiguration configuration,
    TimeProvider timeProvider,
    ILogger<JwksSigningKeySource> logger) : ISigningKeySource, IDisposable
{
    public const string HttpClientName = "tradenova-jwks";
    public const string JwksPath = "/.well-known/jwks.json";
    public static readonly TimeSpan MinimumFetchInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);

    /// <summary>After a failed fetch with nothing cached (Identity still starting), retry sooner than the 30 s floor.</summary>
    private static readonly TimeSpan RetryAfterFailureWithoutKeys = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile SigningKeySnapshot? _snapshot;
    private DateTimeOffset _nextFetchAllowedAt = DateTimeOffset.MinValue;

    /// <summary>Where the keys are read from; null when <c>services:identity:http:0</c> is not configured.</summary>
    public Uri? JwksUri { get; } = ResolveJwksUri(configuration);

    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? kid, CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (IsSatisfying(snapshot, kid))
            return snapshot!.For(kid);

        await _gate.WaitAsync(ct);
        try
        {
            // Another caller may have refreshed while this one waited.
            snapshot = _snapshot;
            if (IsSatisfying(snapshot, kid))
                return snapshot!.For(kid);

            var now = timeProvider.GetUtcNow();
            if (now >= _nextFetchAllowedAt)
                snapshot = await RefreshAsync(now, ct) ?? snapshot;

            return snapshot?.For(kid) ?? [];
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsSatisfying(SigningKeySnapshot? snapshot, string? kid) =>
        snapshot is not null
        && timeProvider.GetUtcNow() - snapshot.FetchedAt < RefreshInterval
        && (kid is null || snapshot.Contains(kid));

    private async Task<SigningKeySnapshot?> RefreshAsync(DateTimeOffset now, CancellationToken ct)
    {
        _nextFetchAllowedAt = now + MinimumFetchInterval;
        if (JwksUri is null)
        {
            LogIdentityNotConfigured(logger);
            return null;
        }

        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            var json = await client.GetStringAsync(JwksUri, ct);
            var keys = JwksParser.Parse(json);
            var fresh = new SigningKeySnapshot(keys, now);
            _snapshot = fresh;
            LogKeysFetched(logger, keys.Count, JwksUri);
            return fresh;
        }
        catch (Exception ex) when (ex is HttpRequestException or FormatException or System.Text.Json.JsonException
                                       || ex is TaskCanceledException && !ct.IsCancellationRequested)
        {
            if (_snapshot is null)
                _nextFetchAllowedAt = now + RetryAfterFailureWithoutKeys;
            LogFetchFailed(logger, ex, JwksUri);
            return null;
        }
    }

    private static Uri? ResolveJwksUri(IConfiguration configuration)
    {
        var baseUrl = configuration["services:identity:http:0"] ?? configuration["services:identity:https:0"];
        return Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri)
            ? new Uri(baseUri, JwksPath)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "services:identity:http:0 is not configured; no token can be validated")]
    private static partial void LogIdentityNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {KeyCount} signing keys from {JwksUri}")]
    private static partial void LogKeysFetched(ILogger logger, int keyCount, Uri jwksUri);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch signing keys from {JwksUri}")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, Uri jwksUri);
}
