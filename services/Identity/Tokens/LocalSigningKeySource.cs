using Microsoft.IdentityModel.Tokens;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.Identity.Tokens;

/// <summary>Identity validates bearer tokens against its own key store instead of fetching its own JWKS over HTTP.</summary>
public sealed class LocalSigningKeySource(SigningKeyStore store) : ISigningKeySource
{
    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? kid, CancellationToken ct)
    {
        var keys = await store.GetAsync(ct);
        if (kid is not null && !keys.Published.Any(k => k.KeyId == kid) && DateTimeOffset.UtcNow - keys.LoadedAt > TimeSpan.FromSeconds(30))
        {
            // A replica may have rotated since this one last loaded.
            keys = await store.GetAsync(ct, forceReload: true);
        }

        return keys.Published;
    }
}
