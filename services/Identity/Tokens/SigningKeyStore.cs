using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.Identity.Tokens;

/// <summary>
/// Loads ES256 keys from the identity schema, creating the first key and rotating an old one as needed,
/// and caches them briefly. Replicas agree through the database: the unique index on the active flag lets
/// only one of two concurrent rotations win; the loser simply reloads.
/// </summary>
public sealed partial class SigningKeyStore(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<IdentityTokenOptions> options,
    ILogger<SigningKeyStore> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Key objects are reused across reloads: the token handler caches crypto providers per key instance.
    private readonly Dictionary<string, (ECDsaSecurityKey Private, ECDsaSecurityKey Public)> _materialized = new(StringComparer.Ordinal);
    private volatile SigningKeySet? _current;

    public async ValueTask<SigningKeySet> GetAsync(CancellationToken cancellationToken, bool forceReload = false)
    {
        var current = _current;
        if (!forceReload && current is not null && time.GetUtcNow() - current.LoadedAt < options.Value.KeyCacheDuration)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!forceReload && _current is { } fresh && time.GetUtcNow() - fresh.LoadedAt < options.Value.KeyCacheDuration)
            {
                return fresh;
            }

            _current = await LoadAsync(cancellationToken);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<SigningKeySet> LoadAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityContext>();
            var now = time.GetUtcNow();
            var keys = await db.SigningKeys.AsNoTracking()
                .Where(k => k.IsActive || k.ExpiresAt > now)
                .ToListAsync(cancellationToken);
            var active = keys.SingleOrDefault(k => k.IsActive);
            if (active is not null && now - active.CreatedAt < options.Value.KeyRotationPeriod)
            {
                return ToKeySet(active, keys, now);
            }

            try
            {
                await RotateAsync(db, now, cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation() && attempt < 3)
            {
                // Another replica rotated at the same moment; use its key.
            }
        }
    }

    private async Task RotateAsync(IdentityContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retiring = await db.SigningKeys.Where(k => k.IsActive).ToListAsync(cancellationToken);
        foreach (var key in retiring)
        {
            key.IsActive = false;
            // Tokens it signed a moment ago must keep verifying until they expire.
            key.ExpiresAt = now + options.Value.AccessTokenLifetime + TimeSpan.FromMinutes(5);
        }

        await db.SaveChangesAsync(cancellationToken);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        db.SigningKeys.Add(new SigningKey { Kid = kid, PrivateKey = ecdsa.ExportPkcs8PrivateKey(), CreatedAt = now, IsActive = true });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRotated(kid, retiring.Count);
    }

    /// <summary>Called under the gate only.</summary>
    private SigningKeySet ToKeySet(SigningKey active, IReadOnlyList<SigningKey> keys, DateTimeOffset now)
    {
        var published = keys.Select(Materialize).ToList();
        foreach (var stale in _materialized.Keys.Except(keys.Select(k => k.Kid)).ToList())
        {
            _materialized.Remove(stale);
        }

        return new SigningKeySet(Materialize(active).Private, [.. published.Select(k => k.Public)], now);
    }

    private (ECDsaSecurityKey Private, ECDsaSecurityKey Public) Materialize(SigningKey key)
    {
        if (_materialized.TryGetValue(key.Kid, out var existing))
        {
            return existing;
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(key.PrivateKey, out _);
        var publicOnly = ECDsa.Create(ecdsa.ExportParameters(includePrivateParameters: false));
        var pair = (new ECDsaSecurityKey(ecdsa) { KeyId = key.Kid }, new ECDsaSecurityKey(publicOnly) { KeyId = key.Kid });
        _materialized[key.Kid] = pair;
        return pair;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {Kid} activated; {Retired} key(s) retired")]
    private partial void LogRotated(string kid, int retired);
}
